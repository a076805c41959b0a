
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
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)208.3999939)) {
    result[0] += -0.19824374;
  } else {
    result[0] += 0.24205272;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)202.80000305)) {
    result[0] += -0.18620543;
  } else {
    result[0] += 0.18049249;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)208.3999939)) {
    result[0] += -0.18707839;
  } else {
    result[0] += 0.18211256;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)95)) {
    result[0] += -0.17998523;
  } else {
    result[0] += 0.14742443;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)208.3999939)) {
    result[0] += -0.17570761;
  } else {
    result[0] += 0.13639443;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)202.80000305)) {
    result[0] += -0.17436329;
  } else {
    result[0] += 0.12344829;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)104)) {
    result[0] += 0.10405687;
  } else {
    result[0] += -0.16882133;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)208.3999939)) {
    result[0] += -0.16553327;
  } else {
    result[0] += 0.101093605;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)99)) {
    result[0] += -0.17034;
  } else {
    result[0] += 0.0973887;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)202.80000305)) {
    result[0] += -0.16550308;
  } else {
    result[0] += 0.09210946;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    result[0] += 0.13134956;
  } else {
    result[0] += -0.11784003;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)193.1000061)) {
    result[0] += -0.110585414;
  } else {
    result[0] += 0.12554128;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)197.30000305)) {
    result[0] += -0.1028583;
  } else {
    result[0] += 0.11920169;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    result[0] += 0.11932367;
  } else {
    result[0] += -0.09945822;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)200.30000305)) {
    result[0] += -0.097863376;
  } else {
    result[0] += 0.12498507;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)109)) {
    result[0] += -0.09318125;
  } else {
    result[0] += 0.121550396;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    result[0] += 0.101364516;
  } else {
    result[0] += -0.08348033;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)200.30000305)) {
    result[0] += -0.08232847;
  } else {
    result[0] += 0.10434648;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)211.1000061)) {
    result[0] += -0.082443625;
  } else {
    result[0] += 0.107955165;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)214)) {
    result[0] += -0.07974598;
  } else {
    result[0] += 0.106473304;
  }
  
  // Apply base_scores
  result[0] += -2.8134107009648055;
  
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

