
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
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)101)) {
    result[0] += 0.23403868;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)185)) {
      result[0] += -0.01956406;
    } else {
      result[0] += -0.21270226;
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    result[0] += 0.23505731;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)195.1000061)) {
      result[0] += -0.02489235;
    } else {
      result[0] += -0.21471086;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)228.3999939)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)101)) {
      result[0] += 0.39554188;
    } else {
      result[0] += -0.10065988;
    }
  } else {
    result[0] += -0.21234912;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)96)) {
    result[0] += 0.18157369;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)70)) {
      result[0] += -0.02598164;
    } else {
      result[0] += -0.20364107;
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)101)) {
      result[0] += 0.2603859;
    } else {
      result[0] += -0.02425788;
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.199999809)) {
      result[0] += -0.19557965;
    } else {
      result[0] += -0.021568097;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)228.3999939)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)96)) {
      result[0] += 0.28926378;
    } else {
      result[0] += -0.09990792;
    }
  } else {
    result[0] += -0.19466531;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
      result[0] += 0.016928414;
    } else {
      result[0] += -0.21640663;
    }
  } else {
    result[0] += 0.2606959;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)91)) {
      result[0] += 0.03495285;
    } else {
      result[0] += -0.20706679;
    }
  } else {
    result[0] += 0.19950457;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
      result[0] += 0.03635649;
    } else {
      result[0] += -0.19426544;
    }
  } else {
    result[0] += 0.15467313;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)200.19999695)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.100000381)) {
      result[0] += 0.2445141;
    } else {
      result[0] += -0.059631538;
    }
  } else {
    result[0] += -0.13342531;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)96)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)108)) {
      result[0] += -0.058483303;
    } else {
      result[0] += 0.24572858;
    }
  } else {
    result[0] += -0.1329593;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)101)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)114)) {
      result[0] += -0.060839996;
    } else {
      result[0] += 0.22190806;
    }
  } else {
    result[0] += -0.11535085;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)96)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)108)) {
      result[0] += -0.04753143;
    } else {
      result[0] += 0.20119442;
    }
  } else {
    result[0] += -0.11825409;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)92)) {
      result[0] += 0.20030089;
    } else {
      result[0] += -0.050132383;
    }
  } else {
    result[0] += -0.113616556;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
      result[0] += 0.025930084;
    } else {
      result[0] += -0.16714685;
    }
  } else {
    result[0] += 0.12711248;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)200.19999695)) {
    result[0] += 0.091857836;
  } else {
    result[0] += -0.109531954;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)115)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)85)) {
      result[0] += 0.06307496;
    } else {
      result[0] += -0.18520129;
    }
  } else {
    result[0] += 0.108373486;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)101)) {
    result[0] += 0.08511153;
  } else {
    result[0] += -0.1055171;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
    result[0] += -0.08236238;
  } else {
    result[0] += 0.0990165;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)96)) {
    result[0] += 0.0823768;
  } else {
    result[0] += -0.10481205;
  }
  
  // Apply base_scores
  result[0] += -2.261763082020425308;
  
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

