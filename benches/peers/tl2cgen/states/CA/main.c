
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
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)93)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)178.69999695)) {
      result[0] += 0.05698325;
    } else {
      result[0] += 0.333759;
    }
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)103)) {
      result[0] += -0.27810523;
    } else {
      result[0] += 0.008427439;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)1)) {
    result[0] += 0.22974625;
  } else {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)77)) {
        result[0] += -0.066890016;
      } else {
        result[0] += -0.2885812;
      }
    } else {
      result[0] += 0.2356023;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)113)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.1999998093)) {
      result[0] += -0.21622185;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)204.1000061)) {
        result[0] += 0.353711;
      } else {
        result[0] += 0.040610045;
      }
    }
  } else {
    result[0] += -0.23852463;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.3000001907)) {
    result[0] += -0.21591471;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)113)) {
      if ( (data[4].missing != -1) && (data[4].fvalue < (float)19)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)204.1000061)) {
          result[0] += 0.4093308;
        } else {
          result[0] += 0.0037416795;
        }
      } else {
        result[0] += -0.06752195;
      }
    } else {
      result[0] += -0.19346395;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)242.3999939)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)178.19999695)) {
      result[0] += 0.16583924;
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)87)) {
        result[0] += -0.033869628;
      } else {
        result[0] += -0.26236767;
      }
    }
  } else {
    result[0] += 0.22840615;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.3000001907)) {
    result[0] += -0.19112723;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)231.5)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)92)) {
        result[0] += 0.13875821;
      } else {
        result[0] += -0.1718739;
      }
    } else {
      result[0] += 0.24080142;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)113)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)1)) {
      result[0] += 0.19780181;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)159.5)) {
        result[0] += 0.11940574;
      } else {
        result[0] += -0.14980274;
      }
    }
  } else {
    result[0] += -0.18354622;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)218)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)159.5)) {
      result[0] += 0.090519875;
    } else {
      result[0] += -0.2062139;
    }
  } else {
    result[0] += 0.15170318;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)242.3999939)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)178.19999695)) {
      result[0] += 0.1310816;
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)87)) {
        result[0] += -0.027231438;
      } else {
        result[0] += -0.2193832;
      }
    }
  } else {
    result[0] += 0.14818895;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)218)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)159.5)) {
      result[0] += 0.06891031;
    } else {
      result[0] += -0.17794672;
    }
  } else {
    result[0] += 0.12963253;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)231.5)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)92)) {
      result[0] += 0.06823077;
    } else {
      result[0] += -0.16183183;
    }
  } else {
    result[0] += 0.112981506;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)178.19999695)) {
    result[0] += 0.11565753;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)242.3999939)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)87)) {
        result[0] += -0.023528066;
      } else {
        result[0] += -0.19433036;
      }
    } else {
      result[0] += 0.11124425;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)79)) {
    result[0] += -0.112338126;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)113)) {
      result[0] += 0.15241972;
    } else {
      result[0] += -0.08413833;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)218)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)102)) {
        result[0] += -0.1870606;
      } else {
        result[0] += -0.02108327;
      }
    } else {
      result[0] += 0.08119976;
    }
  } else {
    result[0] += 0.11138257;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)178.19999695)) {
    result[0] += 0.1010318;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)242.3999939)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)92)) {
        result[0] += -0.038979392;
      } else {
        result[0] += -0.17100208;
      }
    } else {
      result[0] += 0.092262104;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)79)) {
    result[0] += -0.10365295;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)231.5)) {
      result[0] += -0.052915502;
    } else {
      result[0] += 0.15972245;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)218)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)103)) {
      result[0] += -0.15061975;
    } else {
      result[0] += 0.062332284;
    }
  } else {
    result[0] += 0.10104625;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)93)) {
    result[0] += 0.079562716;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)115)) {
      result[0] += -0.1018535;
    } else {
      result[0] += -0.014421397;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)93)) {
    result[0] += 0.07447674;
  } else {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)1)) {
      result[0] += 0.042179678;
    } else {
      result[0] += -0.12634964;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)93)) {
    result[0] += 0.063497715;
  } else {
    result[0] += -0.0654561;
  }
  
  // Apply base_scores
  result[0] += -1.02165117547658979;
  
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

