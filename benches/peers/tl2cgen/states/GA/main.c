
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
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)95)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)179.5)) {
      result[0] += -0.046820816;
    } else {
      result[0] += 0.5150289;
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)166.80000305)) {
      result[0] += 0.121638216;
    } else {
      result[0] += -0.27449322;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)95)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.5)) {
      result[0] += -0.054544255;
    } else {
      result[0] += 0.36410302;
    }
  } else {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
      result[0] += 0.110392846;
    } else {
      result[0] += -0.25571132;
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)22)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.1000003815)) {
      result[0] += -0.20870888;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)181.80000305)) {
        result[0] += 0.015640795;
      } else {
        result[0] += 0.41925302;
      }
    }
  } else {
    result[0] += -0.22886996;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)213)) {
      result[0] += -0.2627763;
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)86)) {
        result[0] += 0.050457973;
      } else {
        result[0] += 0.23367622;
      }
    }
  } else {
    result[0] += 0.23928127;
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)22)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.5)) {
        result[0] += -0.06676921;
      } else {
        result[0] += 0.32378355;
      }
    } else {
      result[0] += -0.1842719;
    }
  } else {
    result[0] += -0.20930293;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)95)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)77)) {
      result[0] += -0.061158374;
    } else {
      result[0] += 0.20250623;
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)166.80000305)) {
      result[0] += 0.10165582;
    } else {
      result[0] += -0.2260415;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.1000003815)) {
    result[0] += -0.1824148;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)76)) {
      result[0] += -0.12715186;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)178.69999695)) {
        result[0] += 0.30693617;
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)111)) {
          result[0] += -0.06510858;
        } else {
          result[0] += 0.07531881;
        }
      }
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)22)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)213)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
        result[0] += -0.20056279;
      } else {
        result[0] += 0.12155064;
      }
    } else {
      result[0] += 0.17991492;
    }
  } else {
    result[0] += -0.17155842;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)126)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10)) {
      result[0] += -0.22207718;
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)92)) {
        result[0] += -0.065363556;
      } else {
        result[0] += 0.15648122;
      }
    }
  } else {
    result[0] += 0.14358495;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)95)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)179.5)) {
      result[0] += -0.057692382;
    } else {
      result[0] += 0.15704682;
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.800000191)) {
      result[0] += -0.19515572;
    } else {
      result[0] += 0.06059989;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)213)) {
      result[0] += -0.2196349;
    } else {
      result[0] += 0.10361479;
    }
  } else {
    result[0] += 0.1310555;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)126)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10)) {
      result[0] += -0.19766152;
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)92)) {
        result[0] += 0.12254462;
      } else {
        result[0] += -0.029280555;
      }
    }
  } else {
    result[0] += 0.108506106;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)213)) {
      result[0] += -0.199044;
    } else {
      result[0] += 0.07771658;
    }
  } else {
    result[0] += 0.11265655;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)76)) {
    result[0] += -0.10957908;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.6999998093)) {
      result[0] += -0.07147841;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)187.80000305)) {
        result[0] += 0.16910574;
      } else {
        result[0] += 0.000113929236;
      }
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)95)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)84)) {
      result[0] += -0.011058946;
    } else {
      result[0] += 0.11930638;
    }
  } else {
    result[0] += -0.08252862;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
    result[0] += 0.08775636;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)95)) {
      result[0] += 0.053191315;
    } else {
      result[0] += -0.17020941;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)76)) {
    result[0] += -0.09557723;
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
      result[0] += 0.10714448;
    } else {
      result[0] += -0.030603059;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)126)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.199999809)) {
      result[0] += -0.12663034;
    } else {
      result[0] += 0.027586592;
    }
  } else {
    result[0] += 0.07871335;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)220.30000305)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10)) {
      result[0] += -0.08020907;
    } else {
      result[0] += 0.123503275;
    }
  } else {
    result[0] += -0.09033725;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)126)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)103)) {
      result[0] += 0.026975183;
    } else {
      result[0] += -0.1269332;
    }
  } else {
    result[0] += 0.073126115;
  }
  
  // Apply base_scores
  result[0] += -1.749199846062925223;
  
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

