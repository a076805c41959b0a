
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
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)97)) {
      result[0] += -0.036246035;
    } else {
      result[0] += 0.5568709;
    }
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)82)) {
      result[0] += 0.07989983;
    } else {
      result[0] += -0.28121817;
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)99)) {
      result[0] += 0.04095122;
    } else {
      result[0] += 0.36888793;
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)107)) {
      result[0] += -0.26071948;
    } else {
      result[0] += 0.06573985;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)243.19999695)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)90)) {
      result[0] += 0.10750223;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)169.5)) {
        result[0] += -0.03669488;
      } else {
        result[0] += -0.24944708;
      }
    }
  } else {
    result[0] += 0.29741144;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.100000381)) {
      result[0] += -0.057987463;
    } else {
      result[0] += 0.31383288;
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)107)) {
      result[0] += -0.24069364;
    } else {
      result[0] += 0.07041943;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)243.19999695)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
      result[0] += 0.0829468;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)112)) {
        result[0] += -0.23579465;
      } else {
        result[0] += -0.027820952;
      }
    }
  } else {
    result[0] += 0.22787671;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)174.1000061)) {
    result[0] += -0.20476139;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)183.1000061)) {
      result[0] += 0.2890816;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)223.19999695)) {
        result[0] += -0.17171532;
      } else {
        result[0] += 0.19642618;
      }
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
      result[0] += 0.20588961;
    } else {
      result[0] += 0.0053465613;
    }
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)82)) {
      result[0] += 0.08144967;
    } else {
      result[0] += -0.22103776;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)174.1000061)) {
    result[0] += -0.18382372;
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.19610356;
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)82)) {
        result[0] += 0.09747212;
      } else {
        result[0] += -0.17783675;
      }
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)243.19999695)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)189.6000061)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)180.5)) {
        result[0] += -0.12541422;
      } else {
        result[0] += 0.19042945;
      }
    } else {
      result[0] += -0.204164;
    }
  } else {
    result[0] += 0.16552156;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)230.8999939)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)146.5)) {
      result[0] += 0.10309442;
    } else {
      result[0] += -0.21994914;
    }
  } else {
    result[0] += 0.14689535;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)230.8999939)) {
      result[0] += -0.17513654;
    } else {
      result[0] += 0.09137477;
    }
  } else {
    result[0] += 0.12296432;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)243.19999695)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)82)) {
      result[0] += 0.043746628;
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
        result[0] += 0.006952444;
      } else {
        result[0] += -0.18613857;
      }
    }
  } else {
    result[0] += 0.12701502;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)86)) {
    result[0] += -0.13338546;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)90)) {
      result[0] += 0.19948864;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)146.5)) {
        result[0] += 0.12173387;
      } else {
        result[0] += -0.1774472;
      }
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)93)) {
    result[0] += -0.118025616;
  } else {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
      result[0] += -0.042079262;
    } else {
      result[0] += 0.16839841;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)243.19999695)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)82)) {
      result[0] += 0.040593866;
    } else {
      result[0] += -0.1092236;
    }
  } else {
    result[0] += 0.10252036;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)86)) {
    result[0] += -0.11097431;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)90)) {
      result[0] += 0.17900658;
    } else {
      result[0] += -0.046542116;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)10)) {
    result[0] += -0.08660888;
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.13817103;
    } else {
      result[0] += -0.07688603;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)243.19999695)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)82)) {
      result[0] += 0.040397078;
    } else {
      result[0] += -0.104198985;
    }
  } else {
    result[0] += 0.091618486;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)99)) {
    result[0] += -0.085177645;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)189.6000061)) {
      result[0] += 0.15540789;
    } else {
      result[0] += -0.06611352;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)243.19999695)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)82)) {
      result[0] += 0.029989665;
    } else {
      result[0] += -0.09496756;
    }
  } else {
    result[0] += 0.08909386;
  }
  
  // Apply base_scores
  result[0] += -1.531476341514458772;
  
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

