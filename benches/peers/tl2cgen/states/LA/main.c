
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
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
    result[0] += 0.21794277;
  } else {
    result[0] += -0.21247165;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)109)) {
    result[0] += -0.20727631;
  } else {
    result[0] += 0.1826368;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)190.8999939)) {
    result[0] += -0.20044784;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)233.5)) {
      result[0] += 0.3805181;
    } else {
      result[0] += -0.16752955;
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)118)) {
      result[0] += -0.04753073;
    } else {
      result[0] += 0.26296467;
    }
  } else {
    result[0] += -0.19443196;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)109)) {
    result[0] += -0.18404043;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)174.5)) {
      result[0] += 0.2613799;
    } else {
      result[0] += -0.06693264;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)190.8999939)) {
    result[0] += -0.17983092;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.8999996185)) {
      result[0] += -0.06125062;
    } else {
      result[0] += 0.22920056;
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)98)) {
      result[0] += 0.2116452;
    } else {
      result[0] += -0.05570583;
    }
  } else {
    result[0] += -0.17522493;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)215.80000305)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)195.3999939)) {
      result[0] += -0.085215956;
    } else {
      result[0] += 0.25972158;
    }
  } else {
    result[0] += -0.1729006;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)124)) {
    result[0] += -0.1190423;
  } else {
    result[0] += 0.114805534;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)169.19999695)) {
    result[0] += 0.103210516;
  } else {
    result[0] += -0.112062454;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)124)) {
    result[0] += -0.103142075;
  } else {
    result[0] += 0.09126864;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)203.1000061)) {
    result[0] += 0.08061422;
  } else {
    result[0] += -0.10147668;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)169.19999695)) {
    result[0] += 0.082697436;
  } else {
    result[0] += -0.097813;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)124)) {
    result[0] += -0.09184912;
  } else {
    result[0] += 0.07605678;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.8999996185)) {
    result[0] += -0.09593391;
  } else {
    result[0] += 0.075101756;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)98)) {
    result[0] += 0.06897258;
  } else {
    result[0] += -0.08818538;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)196)) {
    result[0] += -0.090740286;
  } else {
    result[0] += 0.06594884;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)203.1000061)) {
    result[0] += 0.07209194;
  } else {
    result[0] += -0.09417672;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)196)) {
    result[0] += -0.088168904;
  } else {
    result[0] += 0.06272204;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)203.1000061)) {
    result[0] += 0.06659723;
  } else {
    result[0] += -0.08979466;
  }
  
  // Apply base_scores
  result[0] += -2.463853202187973768;
  
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

