
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
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)179.6000061)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)90)) {
      result[0] += -0.16974096;
    } else {
      result[0] += 0.5928856;
    }
  } else {
    result[0] += -0.25909525;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
    result[0] += 0.34036043;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.8999996185)) {
      result[0] += 0.08070979;
    } else {
      result[0] += -0.2583707;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)147)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)225.19999695)) {
      result[0] += -0.26533207;
    } else {
      result[0] += 0.18048556;
    }
  } else {
    result[0] += 0.41311833;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)179.6000061)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)162.8999939)) {
      result[0] += -0.03947802;
    } else {
      result[0] += 0.37106025;
    }
  } else {
    result[0] += -0.2296411;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)147)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)225.19999695)) {
      result[0] += -0.24482173;
    } else {
      result[0] += 0.13001072;
    }
  } else {
    result[0] += 0.27427918;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)179.6000061)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)218.6000061)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)142)) {
        result[0] += -0.19248287;
      } else {
        result[0] += 0.17310107;
      }
    } else {
      result[0] += 0.33186382;
    }
  } else {
    result[0] += -0.20828877;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)165.1000061)) {
    result[0] += -0.20720017;
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.2917092;
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
        result[0] += -0.18789206;
      } else {
        result[0] += 0.09575677;
      }
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)179.6000061)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)83)) {
      result[0] += -0.08591518;
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
        result[0] += 0.26753944;
      } else {
        result[0] += 0.03204515;
      }
    }
  } else {
    result[0] += -0.18549374;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)165.1000061)) {
    result[0] += -0.18548799;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)215.5)) {
      result[0] += 0.21986824;
    } else {
      result[0] += -0.066653565;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)179.6000061)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)218.6000061)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)142)) {
        result[0] += -0.17432308;
      } else {
        result[0] += 0.112898454;
      }
    } else {
      result[0] += 0.21210824;
    }
  } else {
    result[0] += -0.16781276;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)118)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)90)) {
        result[0] += 0.008720605;
      } else {
        result[0] += 0.04940358;
      }
    } else {
      result[0] += -0.19500874;
    }
  } else {
    result[0] += 0.1536437;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)147)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)225.19999695)) {
      result[0] += -0.18901932;
    } else {
      result[0] += 0.06628075;
    }
  } else {
    result[0] += 0.11936215;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)120)) {
      result[0] += -0.051086254;
    } else {
      result[0] += 0.1895548;
    }
  } else {
    result[0] += -0.11025061;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)174)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)218.6000061)) {
      result[0] += -0.047509328;
    } else {
      result[0] += 0.16382556;
    }
  } else {
    result[0] += -0.11170318;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)147)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)225.19999695)) {
      result[0] += -0.16427189;
    } else {
      result[0] += 0.04952441;
    }
  } else {
    result[0] += 0.09524468;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)112)) {
      result[0] += -0.035573415;
    } else {
      result[0] += 0.14466922;
    }
  } else {
    result[0] += -0.096462235;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)142)) {
      result[0] += -0.13183776;
    } else {
      result[0] += 0.04990347;
    }
  } else {
    result[0] += 0.10146131;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)174)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)162.8999939)) {
      result[0] += -0.053711962;
    } else {
      result[0] += 0.15185244;
    }
  } else {
    result[0] += -0.100894034;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)97)) {
      result[0] += -0.0409366;
    } else {
      result[0] += 0.13147816;
    }
  } else {
    result[0] += -0.08617284;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)129)) {
      result[0] += -0.11358643;
    } else {
      result[0] += 0.03568991;
    }
  } else {
    result[0] += 0.08375317;
  }
  
  // Apply base_scores
  result[0] += -2.316769702261261443;
  
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

