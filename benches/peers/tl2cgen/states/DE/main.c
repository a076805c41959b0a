
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
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)225.1000061)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)110)) {
        result[0] += -0.28677678;
      } else {
        result[0] += -0.026965847;
      }
    } else {
      result[0] += 0.27210984;
    }
  } else {
    result[0] += 0.46833715;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)103)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)67)) {
      result[0] += 0.11526904;
    } else {
      result[0] += -0.27499142;
    }
  } else {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
      result[0] += -0.01533407;
    } else {
      result[0] += 0.56144124;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)103)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)67)) {
      result[0] += 0.09346142;
    } else {
      result[0] += -0.25309387;
    }
  } else {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
      result[0] += -0.012467535;
    } else {
      result[0] += 0.3906881;
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)225.1000061)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)115)) {
        result[0] += -0.26260754;
      } else {
        result[0] += -0.02875618;
      }
    } else {
      result[0] += 0.20889048;
    }
  } else {
    result[0] += 0.27907136;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)103)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)64)) {
      result[0] += 0.0884862;
    } else {
      result[0] += -0.23799327;
    }
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)108)) {
      result[0] += -0.015297695;
    } else {
      result[0] += 0.29876137;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)191)) {
    result[0] += -0.17688058;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)242.19999695)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.6999998093)) {
        result[0] += 0.05995979;
      } else {
        result[0] += 0.32972848;
      }
    } else {
      result[0] += -0.19141154;
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)225.1000061)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
        result[0] += -0.237959;
      } else {
        result[0] += -0.03633707;
      }
    } else {
      result[0] += 0.14225961;
    }
  } else {
    result[0] += 0.1942112;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)77)) {
    result[0] += 0.21857165;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)104)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
        result[0] += -0.111474566;
      } else {
        result[0] += 0.19908425;
      }
    } else {
      result[0] += -0.22427726;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)191)) {
    result[0] += -0.14993387;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)224.69999695)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)192.8999939)) {
        result[0] += 0.24436589;
      } else {
        result[0] += 0.051424414;
      }
    } else {
      result[0] += -0.05649402;
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)225.1000061)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)191.3999939)) {
        result[0] += -0.046834804;
      } else {
        result[0] += -0.20556422;
      }
    } else {
      result[0] += 0.10296012;
    }
  } else {
    result[0] += 0.14998755;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)103)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)157.1000061)) {
      result[0] += 0.045437217;
    } else {
      result[0] += -0.20234378;
    }
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)108)) {
      result[0] += -0.014927151;
    } else {
      result[0] += 0.17895114;
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)77)) {
    result[0] += 0.16918078;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)104)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)83)) {
        result[0] += -0.10289735;
      } else {
        result[0] += 0.14669286;
      }
    } else {
      result[0] += -0.1937783;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)110)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      result[0] += -0.1682572;
    } else {
      result[0] += 0.06621983;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)212.3999939)) {
      result[0] += 0.024605293;
    } else {
      result[0] += 0.14571896;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)191)) {
    result[0] += -0.12504843;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)224.69999695)) {
      result[0] += 0.1471717;
    } else {
      result[0] += -0.046507817;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.5)) {
    result[0] += -0.13467088;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.100000381)) {
      result[0] += 0.19737613;
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)1)) {
        result[0] += 0.09340184;
      } else {
        result[0] += -0.18291509;
      }
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)110)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      result[0] += -0.14624275;
    } else {
      result[0] += 0.050393347;
    }
  } else {
    result[0] += 0.084519066;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)1)) {
    result[0] += 0.09704169;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)113)) {
      result[0] += -0.15780327;
    } else {
      result[0] += 0.07575231;
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)217.3999939)) {
      result[0] += -0.13495182;
    } else {
      result[0] += 0.061073422;
    }
  } else {
    result[0] += 0.08461952;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)191)) {
    result[0] += -0.099258326;
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)92)) {
      result[0] += 0.12148139;
    } else {
      result[0] += -0.023430526;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)103)) {
    result[0] += -0.07780957;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)220.6000061)) {
      result[0] += 0.121048816;
    } else {
      result[0] += -0.041847344;
    }
  }
  
  // Apply base_scores
  result[0] += -1.754019117938263816;
  
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

