
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
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)116)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)168.8999939)) {
      result[0] += 0.12280346;
    } else {
      result[0] += -0.25032043;
    }
  } else {
    result[0] += 0.33079696;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)101)) {
    result[0] += -0.22594412;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.800000191)) {
      result[0] += -0.092590004;
    } else {
      result[0] += 0.39026558;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)101)) {
    result[0] += -0.20827882;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)107)) {
      result[0] += -0.08824443;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)206.1000061)) {
        result[0] += 0.42304894;
      } else {
        result[0] += -0.02443244;
      }
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)112)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)107)) {
      result[0] += -0.084797785;
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)132)) {
        result[0] += 0.40526977;
      } else {
        result[0] += -0.03801419;
      }
    }
  } else {
    result[0] += -0.20530047;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.100000381)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)96)) {
      result[0] += 0.035738375;
    } else {
      result[0] += -0.2060576;
    }
  } else {
    result[0] += 0.15722434;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)112)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)95)) {
      result[0] += -0.0888587;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)206.1000061)) {
        result[0] += 0.33647817;
      } else {
        result[0] += -0.053715866;
      }
    }
  } else {
    result[0] += -0.18402803;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)101)) {
    result[0] += -0.1779055;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)209.3999939)) {
      result[0] += -0.088300265;
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)112)) {
        result[0] += 0.2407512;
      } else {
        result[0] += 0.045392416;
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)222.30000305)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)148.69999695)) {
        result[0] += -0.044894435;
      } else {
        result[0] += -0.20017613;
      }
    } else {
      result[0] += 0.10192954;
    }
  } else {
    result[0] += 0.15580465;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.100000381)) {
      result[0] += -0.21902408;
    } else {
      result[0] += 0.05364723;
    }
  } else {
    result[0] += 0.24305424;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)101)) {
      result[0] += -0.213864;
    } else {
      result[0] += 0.03635935;
    }
  } else {
    result[0] += 0.19118086;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.100000381)) {
      result[0] += -0.19551371;
    } else {
      result[0] += 0.054138806;
    }
  } else {
    result[0] += 0.15148753;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)116)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)168.8999939)) {
      result[0] += 0.05620888;
    } else {
      result[0] += -0.18667096;
    }
  } else {
    result[0] += 0.10469295;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)101)) {
      result[0] += -0.19532926;
    } else {
      result[0] += 0.0379124;
    }
  } else {
    result[0] += 0.12887383;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)160)) {
    result[0] += -0.119887955;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)248.19999695)) {
      result[0] += -0.051100142;
    } else {
      result[0] += 0.19916515;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.100000381)) {
      result[0] += -0.17204617;
    } else {
      result[0] += 0.037615094;
    }
  } else {
    result[0] += 0.11049361;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)95)) {
    result[0] += -0.10917551;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)206.1000061)) {
      result[0] += 0.13621402;
    } else {
      result[0] += -0.049350593;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)209.5)) {
    result[0] += -0.10094564;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.399999619)) {
      result[0] += 0.11505873;
    } else {
      result[0] += -0.02342168;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.899999619)) {
    result[0] += -0.10424804;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)90)) {
      result[0] += 0.15469566;
    } else {
      result[0] += -0.035722036;
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)112)) {
      result[0] += 0.04519611;
    } else {
      result[0] += -0.1821087;
    }
  } else {
    result[0] += 0.10410153;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)107)) {
    result[0] += -0.102802984;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)127)) {
      result[0] += 0.19730864;
    } else {
      result[0] += -0.08261802;
    }
  }
  
  // Apply base_scores
  result[0] += -2.233592254502522856;
  
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

