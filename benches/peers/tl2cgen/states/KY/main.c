
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
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.899999619)) {
      result[0] += 0.4659415;
    } else {
      result[0] += -0.0644121;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)135)) {
      result[0] += -0.032168325;
    } else {
      result[0] += -0.25875303;
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)104)) {
      result[0] += 0.35576522;
    } else {
      result[0] += -0.095855296;
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
      result[0] += -0.02587135;
    } else {
      result[0] += -0.23905234;
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
      result[0] += -0.10137037;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)96)) {
        result[0] += 0.38366485;
      } else {
        result[0] += 0.03993227;
      }
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)135.3999939)) {
      result[0] += -0.020476192;
    } else {
      result[0] += -0.22024433;
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
    result[0] += 0.20224729;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)204.3999939)) {
      result[0] += -0.24156;
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)95)) {
        result[0] += 0.22913016;
      } else {
        result[0] += -0.17603467;
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)247.19999695)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)168.30000305)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)100)) {
        result[0] += -0.14137493;
      } else {
        result[0] += 0.31006253;
      }
    } else {
      result[0] += -0.24911404;
    }
  } else {
    result[0] += 0.23895244;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)104)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)94)) {
        result[0] += -0.033425417;
      } else {
        result[0] += 0.2937954;
      }
    } else {
      result[0] += -0.099823125;
    }
  } else {
    result[0] += -0.18995693;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)271.5)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)120)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)168.3999939)) {
        result[0] += -0.043672707;
      } else {
        result[0] += -0.24900065;
      }
    } else {
      result[0] += 0.16876087;
    }
  } else {
    result[0] += 0.19453867;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)105)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)204.3999939)) {
      result[0] += -0.09658163;
    } else {
      result[0] += 0.20321174;
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)119)) {
      result[0] += -0.20672086;
    } else {
      result[0] += 0.039281316;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)247.19999695)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)168.30000305)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)100)) {
        result[0] += -0.09921344;
      } else {
        result[0] += 0.18674786;
      }
    } else {
      result[0] += -0.22573955;
    }
  } else {
    result[0] += 0.16592358;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)105)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)204.3999939)) {
      result[0] += -0.075857274;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)90)) {
        result[0] += 0.04380766;
      } else {
        result[0] += 0.1952487;
      }
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)119)) {
      result[0] += -0.19023295;
    } else {
      result[0] += 0.026199317;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)247.19999695)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.5)) {
        result[0] += -0.23841627;
      } else {
        result[0] += 0.067862116;
      }
    } else {
      result[0] += 0.15986867;
    }
  } else {
    result[0] += 0.15206568;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.899999619)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.20646958;
    } else {
      result[0] += -0.055062883;
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.5)) {
      result[0] += -0.19527362;
    } else {
      result[0] += 0.056715056;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)104)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.899999619)) {
      result[0] += 0.14712909;
    } else {
      result[0] += -0.04665032;
    }
  } else {
    result[0] += -0.11759842;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)105)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)204.3999939)) {
      result[0] += -0.06697015;
    } else {
      result[0] += 0.13501014;
    }
  } else {
    result[0] += -0.0990991;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)247.19999695)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)168.30000305)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)100)) {
        result[0] += -0.08138721;
      } else {
        result[0] += 0.14116916;
      }
    } else {
      result[0] += -0.18735155;
    }
  } else {
    result[0] += 0.1114502;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)105)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)95)) {
      result[0] += -0.034719832;
    } else {
      result[0] += 0.11255114;
    }
  } else {
    result[0] += -0.090066746;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.899999619)) {
      result[0] += 0.14569952;
    } else {
      result[0] += -0.10512348;
    }
  } else {
    result[0] += -0.096310236;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)104)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)96)) {
      result[0] += -0.06479178;
    } else {
      result[0] += 0.13139239;
    }
  } else {
    result[0] += -0.10150725;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)105)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)223.69999695)) {
      result[0] += -0.027536726;
    } else {
      result[0] += 0.1126224;
    }
  } else {
    result[0] += -0.09244391;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)247.19999695)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.100000381)) {
        result[0] += -0.17874633;
      } else {
        result[0] += 0.028011065;
      }
    } else {
      result[0] += 0.0712719;
    }
  } else {
    result[0] += 0.08412084;
  }
  
  // Apply base_scores
  result[0] += -1.852384088889664993;
  
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

