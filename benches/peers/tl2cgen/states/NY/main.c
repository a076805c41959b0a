
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
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.30000305)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)157)) {
          result[0] += -0.32181856;
        } else {
          result[0] += -0.0390477;
        }
      } else {
        result[0] += 0.14425068;
      }
    } else {
      result[0] += 0.40290114;
    }
  } else {
    result[0] += 0.62800044;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.6000061)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.600000381)) {
        result[0] += -0.30100372;
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)99)) {
          result[0] += 0.23290619;
        } else {
          result[0] += -0.18296525;
        }
      }
    } else {
      result[0] += 0.24800578;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)171.69999695)) {
      result[0] += 0.5216192;
    } else {
      result[0] += 0.07928042;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)123)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)79)) {
        result[0] += 0.100132175;
      } else {
        result[0] += -0.2956539;
      }
    } else {
      result[0] += 0.23337153;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)213.3999939)) {
      result[0] += 0.4362417;
    } else {
      result[0] += -0.10517169;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.100000381)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)240.1000061)) {
        result[0] += -0.26753354;
      } else {
        result[0] += -0.035115287;
      }
    } else {
      result[0] += 0.12477722;
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)95)) {
      result[0] += 0.37366682;
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)106)) {
        result[0] += -0.12099102;
      } else {
        result[0] += 0.1379827;
      }
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)146.3999939)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)111)) {
      result[0] += 0.035630133;
    } else {
      result[0] += 0.32046548;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.6000061)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)173)) {
        result[0] += 0.054363478;
      } else {
        result[0] += -0.28659797;
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)102)) {
        result[0] += -0.07811555;
      } else {
        result[0] += 0.3705818;
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.100000381)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)79)) {
      result[0] += 0.13167728;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)115)) {
        result[0] += -0.2734394;
      } else {
        result[0] += 0.04974808;
      }
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)109)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)91)) {
        result[0] += 0.302331;
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)106)) {
          result[0] += -0.06561763;
        } else {
          result[0] += 0.16183437;
        }
      }
    } else {
      result[0] += -0.068905935;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.6000061)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)157)) {
        result[0] += -0.22575021;
      } else {
        result[0] += 0.055973057;
      }
    } else {
      result[0] += 0.15739223;
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.6000003815)) {
      result[0] += -0.012950766;
    } else {
      result[0] += 0.31899127;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)123)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)243.19999695)) {
        result[0] += -0.23669316;
      } else {
        result[0] += 0.03995844;
      }
    } else {
      result[0] += 0.1254184;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)173.6000061)) {
      result[0] += 0.2635509;
    } else {
      result[0] += -0.01752478;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.100000381)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)79)) {
      result[0] += 0.1031734;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)152.19999695)) {
        result[0] += 0.0016630514;
      } else {
        result[0] += -0.23412536;
      }
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)95)) {
      result[0] += 0.22818922;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)200.80000305)) {
        result[0] += -0.04262024;
      } else {
        result[0] += 0.05177417;
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.6000061)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)95)) {
        result[0] += 0.015802389;
      } else {
        result[0] += -0.23153962;
      }
    } else {
      result[0] += 0.12477416;
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.6000003815)) {
      result[0] += -0.02635943;
    } else {
      result[0] += 0.24763308;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.100000381)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)7)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)168)) {
        result[0] += -0.016434347;
      } else {
        result[0] += -0.2156887;
      }
    } else {
      result[0] += 0.09943194;
    }
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)110)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)123)) {
        result[0] += 0.037653938;
      } else {
        result[0] += 0.20327178;
      }
    } else {
      result[0] += -0.018041918;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)108)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)79)) {
      result[0] += 0.09583585;
    } else {
      result[0] += -0.18139885;
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)146.3999939)) {
      result[0] += 0.21223773;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.30000305)) {
        result[0] += -0.10784487;
      } else {
        result[0] += 0.1664499;
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.100000381)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)79)) {
      result[0] += 0.080049805;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)175.80000305)) {
        result[0] += -0.02703098;
      } else {
        result[0] += -0.19275817;
      }
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)95)) {
      result[0] += 0.16012804;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)196.8999939)) {
        result[0] += -0.006812163;
      } else {
        result[0] += 0.026214657;
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.6000061)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.600000381)) {
        result[0] += -0.20810962;
      } else {
        result[0] += 0.0020580352;
      }
    } else {
      result[0] += 0.10077248;
    }
  } else {
    result[0] += 0.13957886;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)123)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)82)) {
        result[0] += -0.0059108785;
      } else {
        result[0] += -0.18387549;
      }
    } else {
      result[0] += 0.075896874;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)173.6000061)) {
      result[0] += 0.17443186;
    } else {
      result[0] += -0.032203194;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.100000381)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)6)) {
      result[0] += -0.15510687;
    } else {
      result[0] += 0.035763547;
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)95)) {
      result[0] += 0.13311398;
    } else {
      result[0] += 0.010638442;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.6000061)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)95)) {
        result[0] += -0.0026715603;
      } else {
        result[0] += -0.19110434;
      }
    } else {
      result[0] += 0.08390065;
    }
  } else {
    result[0] += 0.10805862;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.100000381)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)81)) {
      result[0] += 0.037461895;
    } else {
      result[0] += -0.13116717;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)213.3999939)) {
      result[0] += 0.10930581;
    } else {
      result[0] += -0.0074611558;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)146.3999939)) {
    result[0] += 0.11464149;
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)79)) {
      result[0] += 0.100028194;
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)113)) {
        result[0] += -0.18690167;
      } else {
        result[0] += 0.048761945;
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.6000061)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)95)) {
        result[0] += -0.003078234;
      } else {
        result[0] += -0.17667529;
      }
    } else {
      result[0] += 0.069532864;
    }
  } else {
    result[0] += 0.0991398;
  }
  
  // Apply base_scores
  result[0] += -1.511457499223714862;
  
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

