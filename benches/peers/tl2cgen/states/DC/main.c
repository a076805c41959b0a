
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
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)238.6000061)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)88)) {
      result[0] += -0.016598346;
    } else {
      result[0] += -0.22946176;
    }
  } else {
    result[0] += 0.34656355;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)88)) {
    result[0] += 0.24272798;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)115)) {
      result[0] += -0.019061787;
    } else {
      result[0] += -0.21458761;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)238.6000061)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)80)) {
      result[0] += -0.020077158;
    } else {
      result[0] += -0.21036398;
    }
  } else {
    result[0] += 0.23224883;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)68)) {
    result[0] += 0.25817692;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)258.20001221)) {
      result[0] += -0.23226808;
    } else {
      result[0] += 0.11375306;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)147.1000061)) {
    result[0] += -0.21139933;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)184.1000061)) {
      result[0] += 0.3892129;
    } else {
      result[0] += -0.10253901;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)147.1000061)) {
    result[0] += -0.19324587;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)88)) {
      result[0] += 0.30613837;
    } else {
      result[0] += -0.09772979;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)114)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)238.6000061)) {
      result[0] += -0.06926453;
    } else {
      result[0] += 0.22416121;
    }
  } else {
    result[0] += -0.19167902;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)115)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)238.6000061)) {
      result[0] += -0.07671549;
    } else {
      result[0] += 0.21266897;
    }
  } else {
    result[0] += -0.1790472;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)147.1000061)) {
    result[0] += -0.18062511;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)184.1000061)) {
      result[0] += 0.23619081;
    } else {
      result[0] += -0.095369376;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)114)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)248.19999695)) {
      result[0] += -0.041138507;
    } else {
      result[0] += 0.19066209;
    }
  } else {
    result[0] += -0.16940719;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)68)) {
    result[0] += 0.13892983;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)184.80000305)) {
      result[0] += 0.08117366;
    } else {
      result[0] += -0.20681335;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)102)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)76)) {
      result[0] += 0.17232707;
    } else {
      result[0] += -0.034138758;
    }
  } else {
    result[0] += -0.117753655;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)183.6000061)) {
    result[0] += 0.10284209;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)94)) {
      result[0] += 0.05025741;
    } else {
      result[0] += -0.1774599;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)68)) {
    result[0] += 0.09970161;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)183.6000061)) {
      result[0] += 0.09494238;
    } else {
      result[0] += -0.19083232;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)248.19999695)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)99)) {
      result[0] += 0.0559972;
    } else {
      result[0] += -0.17574051;
    }
  } else {
    result[0] += 0.0984718;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)68)) {
    result[0] += 0.09183194;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)183.6000061)) {
      result[0] += 0.074874096;
    } else {
      result[0] += -0.17785305;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)248.19999695)) {
    result[0] += -0.07657641;
  } else {
    result[0] += 0.08671691;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)102)) {
    result[0] += 0.064191446;
  } else {
    result[0] += -0.08829555;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)68)) {
    result[0] += 0.08342829;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)183.6000061)) {
      result[0] += 0.06290761;
    } else {
      result[0] += -0.16500455;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)248.19999695)) {
    result[0] += -0.0696118;
  } else {
    result[0] += 0.07786202;
  }
  
  // Apply base_scores
  result[0] += -2.282382421804240114;
  
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

