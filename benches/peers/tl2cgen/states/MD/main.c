
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
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)179.5)) {
      result[0] += 0.07743062;
    } else {
      result[0] += 0.58878505;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)260)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
        result[0] += 0.07743062;
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)34)) {
          result[0] += -0.34158838;
        } else {
          result[0] += -0.06520474;
        }
      }
    } else {
      result[0] += 0.24975224;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)235.1000061)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
        result[0] += 0.014275501;
      } else {
        result[0] += -0.31834778;
      }
    } else {
      result[0] += 0.19080167;
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)172.69999695)) {
      result[0] += -0.091314144;
    } else {
      result[0] += 0.5093722;
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)185.6000061)) {
      result[0] += 0.40551668;
    } else {
      result[0] += 0.028576704;
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)88)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.600000381)) {
        result[0] += -0.06580939;
      } else {
        result[0] += 0.329554;
      }
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)223.6000061)) {
        result[0] += -0.306479;
      } else {
        result[0] += -0.03713174;
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)235.1000061)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)174.5)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)93)) {
        result[0] += -0.21743192;
      } else {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)92)) {
          result[0] += 0.3501158;
        } else {
          result[0] += -0.05492783;
        }
      }
    } else {
      result[0] += -0.29425237;
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)203.8999939)) {
      result[0] += 0.01276354;
    } else {
      result[0] += 0.37516353;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)287.1000061)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)226.30000305)) {
            result[0] += -0.22647966;
          } else {
            result[0] += 0.07540939;
          }
        } else {
          result[0] += 0.20219706;
        }
      } else {
        result[0] += -0.28044638;
      }
    } else {
      result[0] += 0.20434026;
    }
  } else {
    result[0] += 0.36585465;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)287.1000061)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)203.8999939)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)165.30000305)) {
        result[0] += 0.026317341;
      } else {
        result[0] += -0.26953864;
      }
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)239.1000061)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)220.3999939)) {
          result[0] += 0.12407457;
        } else {
          result[0] += -0.16803142;
        }
      } else {
        result[0] += 0.28422874;
      }
    }
  } else {
    result[0] += 0.30938852;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)235.1000061)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)174.5)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)93)) {
        result[0] += -0.1729243;
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
          result[0] += 0.012630686;
        } else {
          result[0] += 0.24451879;
        }
      }
    } else {
      result[0] += -0.24351586;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)235.80000305)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
        result[0] += 0.2965079;
      } else {
        result[0] += 0.072052844;
      }
    } else {
      result[0] += -0.035258252;
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)226.30000305)) {
      result[0] += 0.032061934;
    } else {
      result[0] += 0.26183024;
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)88)) {
      result[0] += 0.13086444;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)223.6000061)) {
        result[0] += -0.24087365;
      } else {
        result[0] += -0.030540723;
      }
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)239.1000061)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
        result[0] += -0.23921634;
      } else {
        result[0] += 0.02483487;
      }
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)203.8999939)) {
        result[0] += -0.071409024;
      } else {
        result[0] += 0.22559346;
      }
    }
  } else {
    result[0] += 0.2048248;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)185.6000061)) {
      result[0] += 0.20780353;
    } else {
      result[0] += 0.017018262;
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)88)) {
      result[0] += 0.098641;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)223.6000061)) {
        result[0] += -0.2180477;
      } else {
        result[0] += -0.019312806;
      }
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)239.1000061)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
        result[0] += -0.21829152;
      } else {
        result[0] += 0.010510274;
      }
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)195.5)) {
        result[0] += -0.033385955;
      } else {
        result[0] += 0.15621829;
      }
    }
  } else {
    result[0] += 0.1708167;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)88)) {
    result[0] += -0.12275694;
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)99)) {
      result[0] += 0.18510929;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)99)) {
        result[0] += -0.13356167;
      } else {
        result[0] += 0.08748702;
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)260)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)99)) {
        result[0] += -0.1920909;
      } else {
        result[0] += -0.015919324;
      }
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)190.69999695)) {
        result[0] += 0.11947928;
      } else {
        result[0] += -0.041181266;
      }
    }
  } else {
    result[0] += 0.14288807;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)185.6000061)) {
      result[0] += 0.17134923;
    } else {
      result[0] += 0.01589765;
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.899999619)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)210.5)) {
        result[0] += -0.20449953;
      } else {
        result[0] += -0.00289832;
      }
    } else {
      result[0] += 0.089279726;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)235.1000061)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)174.5)) {
      result[0] += 0.044400267;
    } else {
      result[0] += -0.19040263;
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)203.8999939)) {
      result[0] += -0.0093766255;
    } else {
      result[0] += 0.17176118;
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
    result[0] += 0.110987246;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)88)) {
      result[0] += 0.06992084;
    } else {
      result[0] += -0.1466215;
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)239.1000061)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)165.30000305)) {
        result[0] += 0.0032712778;
      } else {
        result[0] += -0.18574107;
      }
    } else {
      result[0] += 0.058935605;
    }
  } else {
    result[0] += 0.1309552;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)88)) {
    result[0] += -0.10453611;
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)111)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)88)) {
        result[0] += 0.16203742;
      } else {
        result[0] += 0.017599184;
      }
    } else {
      result[0] += -0.05554607;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)260)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      result[0] += -0.12729353;
    } else {
      result[0] += 0.044268113;
    }
  } else {
    result[0] += 0.10853662;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)203.8999939)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)88)) {
      result[0] += 0.0064760097;
    } else {
      result[0] += -0.12643223;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)224.8999939)) {
      result[0] += -0.008838115;
    } else {
      result[0] += 0.1406524;
    }
  }
  
  // Apply base_scores
  result[0] += -1.137078567180519917;
  
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

