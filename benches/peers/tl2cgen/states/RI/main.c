
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
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)103)) {
    result[0] += -0.23414534;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.5)) {
      result[0] += -0.10202418;
    } else {
      result[0] += 0.48059782;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)103)) {
    result[0] += -0.21605286;
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)167.80000305)) {
        result[0] += -0.03394159;
      } else {
        result[0] += 0.51111;
      }
    } else {
      result[0] += -0.1820391;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)78)) {
    result[0] += 0.25752574;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)170.6000061)) {
      result[0] += 0.12238282;
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)129)) {
        result[0] += -0.23334885;
      } else {
        result[0] += -0.022819337;
      }
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)75)) {
    result[0] += 0.25177786;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)211.30000305)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)107)) {
        result[0] += -0.06746376;
      } else {
        result[0] += 0.12757766;
      }
    } else {
      result[0] += -0.2159745;
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
    result[0] += 0.25508586;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)204)) {
      result[0] += -0.235014;
    } else {
      result[0] += 0.106541246;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)169.80000305)) {
    result[0] += 0.1678535;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)261.79998779)) {
      result[0] += -0.22097228;
    } else {
      result[0] += 0.10356992;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.5)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)101)) {
      result[0] += -0.1881594;
    } else {
      result[0] += -0.011790568;
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)100)) {
      result[0] += -0.04255048;
    } else {
      result[0] += 0.20922083;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)71)) {
    result[0] += 0.19738615;
  } else {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
      result[0] += 0.10775601;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)114)) {
        result[0] += -0.20950705;
      } else {
        result[0] += -0.032157116;
      }
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)103)) {
    result[0] += -0.17135406;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)211.30000305)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)108)) {
        result[0] += 0.037126485;
      } else {
        result[0] += 0.21534751;
      }
    } else {
      result[0] += -0.070788994;
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)171.3999939)) {
      result[0] += 0.22156982;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)100)) {
        result[0] += 0.09960894;
      } else {
        result[0] += -0.16974461;
      }
    }
  } else {
    result[0] += -0.17465316;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
    result[0] += 0.15705004;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)204)) {
      result[0] += -0.20341058;
    } else {
      result[0] += 0.057436146;
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
    result[0] += 0.123581946;
  } else {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
      result[0] += -0.1897658;
    } else {
      result[0] += 0.05167563;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)71)) {
    result[0] += 0.1315384;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)125)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)104)) {
        result[0] += -0.041856665;
      } else {
        result[0] += -0.1695793;
      }
    } else {
      result[0] += 0.05657706;
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
      result[0] += 0.15550773;
    } else {
      result[0] += -0.21250823;
    }
  } else {
    result[0] += 0.111176744;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)71)) {
    result[0] += 0.111944444;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)211.30000305)) {
      result[0] += 0.028182214;
    } else {
      result[0] += -0.16664252;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)169.80000305)) {
    result[0] += 0.07735534;
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
      result[0] += 0.048488673;
    } else {
      result[0] += -0.1692435;
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
      result[0] += 0.1252791;
    } else {
      result[0] += -0.1974551;
    }
  } else {
    result[0] += 0.09291174;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)167.80000305)) {
    result[0] += -0.08403081;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)109)) {
      result[0] += -0.028515799;
    } else {
      result[0] += 0.11791591;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)169.80000305)) {
    result[0] += 0.065743774;
  } else {
    result[0] += -0.07135255;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)153.5)) {
    result[0] += -0.10015454;
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)108)) {
      result[0] += -0.04699662;
    } else {
      result[0] += 0.13669765;
    }
  }
  
  // Apply base_scores
  result[0] += -2.285777951420908671;
  
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

