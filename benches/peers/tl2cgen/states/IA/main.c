
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
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)112)) {
    result[0] += -0.20609666;
  } else {
    result[0] += 0.2840164;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)115)) {
    result[0] += -0.2023186;
  } else {
    result[0] += 0.27052617;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)86)) {
    result[0] += 0.21608987;
  } else {
    result[0] += -0.19444259;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)198.69999695)) {
    result[0] += -0.19246973;
  } else {
    result[0] += 0.19568218;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)115)) {
    result[0] += -0.18769597;
  } else {
    result[0] += 0.189669;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)169.69999695)) {
    result[0] += -0.19094057;
  } else {
    result[0] += 0.18196908;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)198.69999695)) {
    result[0] += -0.18096563;
  } else {
    result[0] += 0.14527883;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)115)) {
    result[0] += -0.17515567;
  } else {
    result[0] += 0.13988395;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)169.69999695)) {
    result[0] += -0.1772948;
  } else {
    result[0] += 0.13214085;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)198.69999695)) {
    result[0] += -0.17058586;
  } else {
    result[0] += 0.11093468;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)115)) {
    result[0] += -0.16400206;
  } else {
    result[0] += 0.1068391;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)66)) {
    result[0] += 0.1054632;
  } else {
    result[0] += -0.10440595;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)226)) {
    result[0] += -0.100130476;
  } else {
    result[0] += 0.10558001;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)203.5)) {
    result[0] += -0.09519729;
  } else {
    result[0] += 0.10192684;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)180.19999695)) {
    result[0] += 0.10150685;
  } else {
    result[0] += -0.09144529;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)204.3999939)) {
    result[0] += -0.086974815;
  } else {
    result[0] += 0.098067835;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)226)) {
    result[0] += -0.08449901;
  } else {
    result[0] += 0.09499838;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    result[0] += 0.09293206;
  } else {
    result[0] += -0.08114208;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)204.3999939)) {
    result[0] += -0.0785145;
  } else {
    result[0] += 0.09021864;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.6999998093)) {
    result[0] += 0.08687939;
  } else {
    result[0] += -0.07466766;
  }
  
  // Apply base_scores
  result[0] += -2.61495974605321857;
  
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

