
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
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)105)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)112)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)116)) {
          result[0] += -0.27069184;
        } else {
          result[0] += 0.21281466;
        }
      } else {
        result[0] += 0.37483558;
      }
    } else {
      result[0] += -0.30332428;
    }
  } else {
    result[0] += 0.4905938;
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.6999998093)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)109)) {
        result[0] += -0.07645276;
      } else {
        result[0] += 0.27308884;
      }
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)129.30000305)) {
        result[0] += 0.082072675;
      } else {
        result[0] += -0.31067178;
      }
    }
  } else {
    result[0] += 0.5875894;
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)262.70001221)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)77)) {
        result[0] += 0.2186078;
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)229.30000305)) {
          result[0] += -0.30661297;
        } else {
          result[0] += -0.037369218;
        }
      }
    } else {
      result[0] += 0.22963111;
    }
  } else {
    result[0] += 0.4330896;
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)105)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)112)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)184.5)) {
          result[0] += 0.09775027;
        } else {
          result[0] += -0.217606;
        }
      } else {
        result[0] += 0.25228468;
      }
    } else {
      result[0] += -0.26006922;
    }
  } else {
    result[0] += 0.34806594;
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.6999998093)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)6.9000000954)) {
        result[0] += -0.055762425;
      } else {
        result[0] += 0.2068124;
      }
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)129.30000305)) {
        result[0] += 0.0863339;
      } else {
        result[0] += -0.262287;
      }
    }
  } else {
    result[0] += 0.293802;
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)105)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)80)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)227.3999939)) {
          result[0] += -0.19765346;
        } else {
          result[0] += 0.07386886;
        }
      } else {
        result[0] += 0.2092651;
      }
    } else {
      result[0] += -0.23232216;
    }
  } else {
    result[0] += 0.2553732;
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)112)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)122.40000153)) {
        result[0] += 0.07822522;
      } else {
        result[0] += -0.24060224;
      }
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)117)) {
        result[0] += 0.23972803;
      } else {
        result[0] += -0.090749756;
      }
    }
  } else {
    result[0] += 0.22610466;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)105)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)175.8999939)) {
      result[0] += -0.036012903;
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)80)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)221.80000305)) {
          result[0] += -0.041842625;
        } else {
          result[0] += 0.06537573;
        }
      } else {
        result[0] += 0.26804537;
      }
    }
  } else {
    result[0] += -0.13921472;
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)262.70001221)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)77)) {
        result[0] += 0.115976445;
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)97)) {
          result[0] += -0.044675272;
        } else {
          result[0] += -0.23583177;
        }
      }
    } else {
      result[0] += 0.15483561;
    }
  } else {
    result[0] += 0.20528118;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)123)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)89)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)111)) {
        result[0] += -0.008576671;
      } else {
        result[0] += 0.123690054;
      }
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)110)) {
        result[0] += -0.18924645;
      } else {
        result[0] += -0.031247625;
      }
    }
  } else {
    result[0] += 0.16964296;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)105)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)112)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)175.19999695)) {
        result[0] += 0.106453665;
      } else {
        result[0] += -0.091473736;
      }
    } else {
      result[0] += 0.15159336;
    }
  } else {
    result[0] += -0.11898455;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)123)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)77)) {
      result[0] += 0.10253296;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)111)) {
        result[0] += -0.20148416;
      } else {
        result[0] += 0.019996129;
      }
    }
  } else {
    result[0] += 0.13742526;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.6999998093)) {
      result[0] += 0.07955068;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)112)) {
        result[0] += -0.17874898;
      } else {
        result[0] += -0.024345256;
      }
    }
  } else {
    result[0] += 0.14114574;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)105)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)175.8999939)) {
      result[0] += -0.034668945;
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)79)) {
        result[0] += 0.01114572;
      } else {
        result[0] += 0.16490597;
      }
    }
  } else {
    result[0] += -0.10367078;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)123)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)89)) {
      result[0] += 0.049181756;
    } else {
      result[0] += -0.12947075;
    }
  } else {
    result[0] += 0.11251844;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)255.30000305)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.100000381)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)195.69999695)) {
        result[0] += -0.17162362;
      } else {
        result[0] += 0.015413791;
      }
    } else {
      result[0] += 0.07965283;
    }
  } else {
    result[0] += 0.11456866;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)105)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)112)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.6999998093)) {
        result[0] += -0.079855874;
      } else {
        result[0] += 0.048121676;
      }
    } else {
      result[0] += 0.12026405;
    }
  } else {
    result[0] += -0.08968045;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)123)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)89)) {
      result[0] += 0.037757553;
    } else {
      result[0] += -0.1130696;
    }
  } else {
    result[0] += 0.09375663;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)244.19999695)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)11)) {
      result[0] += -0.110211134;
    } else {
      result[0] += 0.061154354;
    }
  } else {
    result[0] += 0.09239029;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)112)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
      result[0] += -0.12435332;
    } else {
      result[0] += 0.054245267;
    }
  } else {
    result[0] += 0.07285774;
  }
  
  // Apply base_scores
  result[0] += -1.326870978358151154;
  
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

