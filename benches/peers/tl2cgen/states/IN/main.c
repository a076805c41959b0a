
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
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)214.80000305)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)175.5)) {
      result[0] += -0.038103748;
    } else {
      result[0] += -0.26602355;
    }
  } else {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)105)) {
        result[0] += -0.18049148;
      } else {
        result[0] += 0.10428399;
      }
    } else {
      result[0] += 0.67383486;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)254.5)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)147.5)) {
        result[0] += -0.023106532;
      } else {
        result[0] += -0.2770468;
      }
    } else {
      result[0] += 0.1971619;
    }
  } else {
    result[0] += 0.49790356;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)225.80000305)) {
      result[0] += -0.25528827;
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)87)) {
        result[0] += -0.090113886;
      } else {
        result[0] += 0.2586482;
      }
    }
  } else {
    result[0] += 0.34903377;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)110)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)224.1000061)) {
        result[0] += -0.25104436;
      } else {
        result[0] += -0.027127642;
      }
    } else {
      result[0] += 0.14561166;
    }
  } else {
    result[0] += 0.2596027;
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)214.80000305)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)106)) {
        result[0] += -0.024518004;
      } else {
        result[0] += -0.18755414;
      }
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)115)) {
        result[0] += -0.0072862394;
      } else {
        result[0] += 0.48175043;
      }
    }
  } else {
    result[0] += -0.23095265;
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)214.80000305)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)106)) {
        result[0] += -0.0210378;
      } else {
        result[0] += -0.17162864;
      }
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)110)) {
        result[0] += 0.011426783;
      } else {
        result[0] += 0.3984947;
      }
    }
  } else {
    result[0] += -0.21037044;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)99)) {
    result[0] += -0.1902359;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)97)) {
      result[0] += 0.24165502;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)209.19999695)) {
        result[0] += -0.16879727;
      } else {
        result[0] += 0.16116616;
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)120)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)217.1000061)) {
        result[0] += -0.21883805;
      } else {
        result[0] += -0.04306362;
      }
    } else {
      result[0] += 0.12725256;
    }
  } else {
    result[0] += 0.16280757;
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)214.80000305)) {
      result[0] += -0.11619956;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)115)) {
        result[0] += -0.014723605;
      } else {
        result[0] += 0.29828367;
      }
    }
  } else {
    result[0] += -0.1871166;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)158.69999695)) {
    result[0] += 0.14200369;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)226.3999939)) {
      result[0] += -0.17973648;
    } else {
      result[0] += 0.105070926;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)214.80000305)) {
    result[0] += -0.12517914;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)110)) {
      result[0] += -0.046941537;
    } else {
      result[0] += 0.21207567;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)254.5)) {
      result[0] += -0.16705431;
    } else {
      result[0] += 0.11655086;
    }
  } else {
    result[0] += 0.12657191;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)158.69999695)) {
    result[0] += 0.12096667;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)209.3999939)) {
      result[0] += -0.19303039;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)235.30000305)) {
        result[0] += -0.101946816;
      } else {
        result[0] += 0.18869476;
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)254.5)) {
      result[0] += -0.14425057;
    } else {
      result[0] += 0.084056154;
    }
  } else {
    result[0] += 0.10718658;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)110)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      result[0] += -0.17728487;
    } else {
      result[0] += 0.060126916;
    }
  } else {
    result[0] += 0.105999984;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)113)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)9)) {
      result[0] += 0.05358599;
    } else {
      result[0] += -0.14574738;
    }
  } else {
    result[0] += 0.09497328;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)158.69999695)) {
    result[0] += 0.101819314;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)209.3999939)) {
      result[0] += -0.17642997;
    } else {
      result[0] += 0.048203263;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)214.80000305)) {
    result[0] += -0.088282175;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)209.19999695)) {
      result[0] += -0.051882043;
    } else {
      result[0] += 0.1466654;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)158.69999695)) {
    result[0] += 0.09560534;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)226.3999939)) {
      result[0] += -0.13968535;
    } else {
      result[0] += 0.056935165;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)97)) {
    result[0] += -0.06949386;
  } else {
    result[0] += 0.06355098;
  }
  
  // Apply base_scores
  result[0] += -1.929909862693623968;
  
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

