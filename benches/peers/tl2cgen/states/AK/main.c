
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
    result[0] += 0.28095332;
  } else {
    result[0] += -0.20442092;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)111)) {
    result[0] += -0.19961923;
  } else {
    result[0] += 0.24940147;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    result[0] += 0.20139264;
  } else {
    result[0] += -0.18890247;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)192.3999939)) {
    result[0] += 0.18905124;
  } else {
    result[0] += -0.18932568;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)111)) {
    result[0] += -0.18213099;
  } else {
    result[0] += 0.1634072;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    result[0] += 0.14014071;
  } else {
    result[0] += -0.17493026;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)192.3999939)) {
    result[0] += 0.123558745;
  } else {
    result[0] += -0.17174855;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)111)) {
    result[0] += -0.16585737;
  } else {
    result[0] += 0.10915951;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    result[0] += 0.099394046;
  } else {
    result[0] += -0.16180281;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)11)) {
    result[0] += -0.11325036;
  } else {
    result[0] += 0.123453446;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.199999809)) {
    result[0] += -0.10247338;
  } else {
    result[0] += 0.111355364;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
    result[0] += -0.09816941;
  } else {
    result[0] += 0.10772284;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)159)) {
    result[0] += 0.10186588;
  } else {
    result[0] += -0.090177156;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.199999809)) {
    result[0] += -0.08839955;
  } else {
    result[0] += 0.09958341;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.300000191)) {
    result[0] += -0.09253606;
  } else {
    result[0] += 0.11433581;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)108)) {
    result[0] += -0.08352845;
  } else {
    result[0] += 0.09996203;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.300000191)) {
    result[0] += -0.080019236;
  } else {
    result[0] += 0.09572964;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)174.8999939)) {
    result[0] += 0.092416294;
  } else {
    result[0] += -0.07845392;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
    result[0] += 0.08991482;
  } else {
    result[0] += -0.07246437;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
    result[0] += -0.0729374;
  } else {
    result[0] += 0.085820034;
  }
  
  // Apply base_scores
  result[0] += -2.793208004171357839;
  
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

