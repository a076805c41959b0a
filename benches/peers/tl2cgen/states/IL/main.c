
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
    result[0] += -0.25347248;
  } else {
    result[0] += 0.5097425;
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    result[0] += -0.2357264;
  } else {
    result[0] += 0.32218865;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)86)) {
    result[0] += 0.29861444;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)184.19999695)) {
      result[0] += -0.01812121;
    } else {
      result[0] += -0.22806449;
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)103)) {
    result[0] += -0.22807364;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)86)) {
      result[0] += 0.37975192;
    } else {
      result[0] += -0.051626883;
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    result[0] += -0.21574964;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.600000381)) {
      result[0] += -0.051899843;
    } else {
      result[0] += 0.36408132;
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    result[0] += -0.19954059;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.899999619)) {
      result[0] += -0.06723034;
    } else {
      result[0] += 0.32012862;
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)103)) {
    result[0] += -0.20345563;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)86)) {
      result[0] += 0.24795286;
    } else {
      result[0] += -0.035401646;
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    result[0] += -0.18369806;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)86)) {
      result[0] += 0.24689968;
    } else {
      result[0] += -0.054102488;
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)103)) {
    result[0] += -0.18458268;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.899999619)) {
      result[0] += -0.03950531;
    } else {
      result[0] += 0.20616537;
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)113)) {
    result[0] += -0.14035079;
  } else {
    result[0] += 0.1366855;
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    result[0] += -0.16516659;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.899999619)) {
      result[0] += -0.054997884;
    } else {
      result[0] += 0.20653291;
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)113)) {
    result[0] += -0.12261776;
  } else {
    result[0] += 0.10575493;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)86)) {
    result[0] += 0.09586737;
  } else {
    result[0] += -0.10349973;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)113)) {
    result[0] += -0.107419334;
  } else {
    result[0] += 0.08590661;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.100000381)) {
    result[0] += -0.104666196;
  } else {
    result[0] += 0.097903095;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)113)) {
    result[0] += -0.09762552;
  } else {
    result[0] += 0.07519503;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.100000381)) {
    result[0] += -0.09436055;
  } else {
    result[0] += 0.084634714;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)86)) {
    result[0] += 0.08151906;
  } else {
    result[0] += -0.09085289;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)113)) {
    result[0] += -0.090507165;
  } else {
    result[0] += 0.068595104;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.100000381)) {
    result[0] += -0.08546573;
  } else {
    result[0] += 0.07507747;
  }
  
  // Apply base_scores
  result[0] += -2.360853981549704272;
  
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

