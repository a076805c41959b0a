
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
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)7)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)217.80000305)) {
      result[0] += -0.2695486;
    } else {
      result[0] += 0.14601068;
    }
  } else {
    result[0] += 0.3802696;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)75)) {
      result[0] += -0.021722334;
    } else {
      result[0] += -0.23658018;
    }
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)112)) {
      result[0] += 0.37306464;
    } else {
      result[0] += -0.095082365;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)227.8999939)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)92)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)6)) {
        result[0] += -0.16677076;
      } else {
        result[0] += 0.37415436;
      }
    } else {
      result[0] += -0.26620704;
    }
  } else {
    result[0] += 0.31171396;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)213.80000305)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)7)) {
      result[0] += -0.24861729;
    } else {
      result[0] += 0.113038816;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)213)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)94)) {
        result[0] += 0.107859686;
      } else {
        result[0] += -0.16622157;
      }
    } else {
      result[0] += 0.39732304;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)227.8999939)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)92)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)86)) {
        result[0] += -0.06331841;
      } else {
        result[0] += 0.24934478;
      }
    } else {
      result[0] += -0.24424493;
    }
  } else {
    result[0] += 0.2113576;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)7)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)223.8999939)) {
      result[0] += -0.239869;
    } else {
      result[0] += 0.100419976;
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)106)) {
      result[0] += 0.30601302;
    } else {
      result[0] += -0.042934522;
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    result[0] += -0.19348595;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)226.19999695)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)92)) {
        result[0] += 0.1769201;
      } else {
        result[0] += -0.21647699;
      }
    } else {
      result[0] += 0.27210504;
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)7)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)223.8999939)) {
      result[0] += -0.22345826;
    } else {
      result[0] += 0.08117405;
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)8)) {
      result[0] += 0.19522347;
    } else {
      result[0] += 0.02343163;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)246.5)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)6)) {
      result[0] += -0.21197665;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)98)) {
        result[0] += 0.2228861;
      } else {
        result[0] += -0.11615144;
      }
    }
  } else {
    result[0] += 0.18180983;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)254.1000061)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)6)) {
      result[0] += -0.20157737;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)98)) {
        result[0] += 0.1759359;
      } else {
        result[0] += -0.0999128;
      }
    }
  } else {
    result[0] += 0.17542136;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)213.80000305)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)85)) {
      result[0] += 0.053394597;
    } else {
      result[0] += -0.19606884;
    }
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)104)) {
      result[0] += 0.1878843;
    } else {
      result[0] += -0.07805476;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)217.80000305)) {
      result[0] += -0.16684201;
    } else {
      result[0] += 0.07903137;
    }
  } else {
    result[0] += 0.13645719;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)7)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)223.8999939)) {
      result[0] += -0.1907757;
    } else {
      result[0] += 0.051428802;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)168.6000061)) {
      result[0] += 0.15036419;
    } else {
      result[0] += 0.006962054;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)254.1000061)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)6)) {
      result[0] += -0.18141368;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)98)) {
        result[0] += 0.13369259;
      } else {
        result[0] += -0.08126885;
      }
    }
  } else {
    result[0] += 0.13364449;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)213.80000305)) {
    result[0] += -0.0913654;
  } else {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
      result[0] += -0.050067306;
    } else {
      result[0] += 0.16244492;
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)7)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)223.8999939)) {
      result[0] += -0.16714272;
    } else {
      result[0] += 0.03518878;
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)8)) {
      result[0] += 0.119895436;
    } else {
      result[0] += 0.0026600887;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)227.8999939)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)92)) {
      result[0] += 0.068541706;
    } else {
      result[0] += -0.18690762;
    }
  } else {
    result[0] += 0.09828612;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)7)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)94)) {
      result[0] += 0.0023854903;
    } else {
      result[0] += -0.1115817;
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)218.19999695)) {
      result[0] += 0.10682344;
    } else {
      result[0] += 0.006531979;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)217.80000305)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)151.69999695)) {
      result[0] += 0.007049955;
    } else {
      result[0] += -0.11552094;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)246.5)) {
      result[0] += 0.019761749;
    } else {
      result[0] += 0.09366597;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)106)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)7)) {
      result[0] += -0.037708607;
    } else {
      result[0] += 0.13407923;
    }
  } else {
    result[0] += -0.083289295;
  }
  
  // Apply base_scores
  result[0] += -2.094945736583376128;
  
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

