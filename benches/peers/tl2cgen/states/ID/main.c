
#include "header.h"


static const int32_t num_class[] = {  1, };

int32_t get_num_target(void) {
  return N_TARGET;
}
void get_num_class(int32_t* out) {
  for (int i = 0; i < N_TARGET; ++i) {
    out[i] = num_class[i];
  }
}
int32_t get_num_feature(void) {
  return 18;
}
const char* get_threshold_type(void) {
  return "float32";
}
const char* get_leaf_output_type(void) {
  return "float32";
}

void predict(union Entry* data, int pred_margin, float* result) {
  unsigned int tmp;
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)201.30000305)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)119)) {
        result[0] += -0.2594245;
      } else {
        result[0] += -0.033573803;
      }
    } else {
      result[0] += 0.13169162;
    }
  } else {
    result[0] += 0.2610828;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)91)) {
    result[0] += -0.22638315;
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)113)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)93)) {
        result[0] += 0.18795398;
      } else {
        result[0] += -0.23748507;
      }
    } else {
      result[0] += 0.3177736;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)197.19999695)) {
      result[0] += -0.24356942;
    } else {
      result[0] += 0.07427561;
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.8000001907)) {
      result[0] += -0.11579232;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)192.69999695)) {
        result[0] += -0.040199675;
      } else {
        result[0] += 0.486541;
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)239.80000305)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)113)) {
        result[0] += -0.26894742;
      } else {
        result[0] += 0.07513813;
      }
    } else {
      result[0] += 0.23958601;
    }
  } else {
    result[0] += 0.26161346;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)251.80000305)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)177.30000305)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
        result[0] += -0.17846817;
      } else {
        result[0] += 0.2514794;
      }
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)117)) {
        result[0] += -0.24040498;
      } else {
        result[0] += -0.02906029;
      }
    }
  } else {
    result[0] += 0.24790768;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)81)) {
    result[0] += 0.20750594;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)102)) {
      result[0] += -0.2314529;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)109)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)210.1000061)) {
          result[0] += -0.2171172;
        } else {
          result[0] += 0.111209184;
        }
      } else {
        result[0] += 0.22867306;
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)251.80000305)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)214.1000061)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)152.80000305)) {
        result[0] += 0.21140325;
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)198.6000061)) {
          result[0] += -0.18899377;
        } else {
          result[0] += 0.07281556;
        }
      }
    } else {
      result[0] += -0.22037077;
    }
  } else {
    result[0] += 0.1946025;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)91)) {
    result[0] += -0.18154599;
  } else {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)113)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)210.1000061)) {
          result[0] += -0.18152794;
        } else {
          result[0] += 0.1755055;
        }
      } else {
        result[0] += 0.22862379;
      }
    } else {
      result[0] += -0.105985984;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)81)) {
    result[0] += 0.16201667;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)102)) {
      result[0] += -0.2034576;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)105)) {
        result[0] += 0.19302738;
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.8999996185)) {
          result[0] += 0.09197062;
        } else {
          result[0] += -0.20530729;
        }
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)94)) {
    result[0] += -0.12722738;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.30000305)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)152.80000305)) {
        result[0] += 0.120160446;
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)21)) {
          result[0] += -0.19776514;
        } else {
          result[0] += 0.08880904;
        }
      }
    } else {
      result[0] += 0.1765978;
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)113)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
        result[0] += -0.1719452;
      } else {
        result[0] += 0.10419346;
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)168.80000305)) {
        result[0] += 0.21691626;
      } else {
        result[0] += -0.00783011;
      }
    }
  } else {
    result[0] += -0.11911983;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)81)) {
    result[0] += 0.1288048;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)102)) {
      result[0] += -0.1800915;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)105)) {
        result[0] += 0.15326288;
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)203.69999695)) {
          result[0] += -0.18359075;
        } else {
          result[0] += 0.07445019;
        }
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)6)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)189.80000305)) {
        result[0] += -0.050695352;
      } else {
        result[0] += -0.1901255;
      }
    } else {
      result[0] += 0.09646452;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)167.3999939)) {
      result[0] += 0.15849571;
    } else {
      result[0] += -0.018286787;
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)93)) {
    result[0] += 0.09193145;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)202.69999695)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
        result[0] += -0.032028455;
      } else {
        result[0] += 0.11125286;
      }
    } else {
      result[0] += -0.18656811;
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)113)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)11)) {
        result[0] += 0.040422153;
      } else {
        result[0] += -0.09006071;
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)168.80000305)) {
        result[0] += 0.16671836;
      } else {
        result[0] += -0.0048063286;
      }
    }
  } else {
    result[0] += -0.10253586;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)251.80000305)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)113)) {
        result[0] += -0.18848;
      } else {
        result[0] += 0.0023271083;
      }
    } else {
      result[0] += 0.07063143;
    }
  } else {
    result[0] += 0.114485726;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)81)) {
    result[0] += 0.10603766;
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)113)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)210.1000061)) {
        result[0] += -0.18999568;
      } else {
        result[0] += 0.035541132;
      }
    } else {
      result[0] += 0.042629197;
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)93)) {
    result[0] += 0.08641713;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)202.69999695)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
        result[0] += -0.028493838;
      } else {
        result[0] += 0.07789259;
      }
    } else {
      result[0] += -0.16633958;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)94)) {
    result[0] += -0.094235405;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)192.69999695)) {
      result[0] += -0.047106735;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)93)) {
        result[0] += 0.17120947;
      } else {
        result[0] += -0.03170197;
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)113)) {
      result[0] += -0.036240853;
    } else {
      result[0] += 0.0961113;
    }
  } else {
    result[0] += -0.09195578;
  }
  
  // Apply base_scores
  result[0] += -1.961658514521770869;
  
  // Apply postprocessor
  if (!pred_margin) { postprocess(result); }
}

void postprocess(float* result) {
  // sigmoid
  const float alpha = (float)1;
  for (size_t i = 0; i < N_TARGET * MAX_N_CLASS; ++i) {
    result[i] = (float)(1) / ((float)(1) + expf(-alpha * result[i]));
  }
}

