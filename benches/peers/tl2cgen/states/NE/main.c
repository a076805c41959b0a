
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
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)105)) {
    result[0] += -0.22873157;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)185.80000305)) {
      result[0] += -0.04239726;
    } else {
      result[0] += 0.4167256;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)230.6000061)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
      result[0] += -0.21087496;
    } else {
      result[0] += -0.018425347;
    }
  } else {
    result[0] += 0.22917253;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)180.6000061)) {
    result[0] += -0.21510455;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)226.69999695)) {
      result[0] += -0.0800554;
    } else {
      result[0] += 0.3857085;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)105)) {
    result[0] += -0.21238078;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)230.6000061)) {
      result[0] += -0.05946527;
    } else {
      result[0] += 0.31665474;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)225)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)114)) {
      result[0] += -0.22294737;
    } else {
      result[0] += 0.06733176;
    }
  } else {
    result[0] += 0.2621981;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)105)) {
    result[0] += -0.19195433;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.300000191)) {
      result[0] += -0.06506097;
    } else {
      result[0] += 0.24453463;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)240.30000305)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)114)) {
      result[0] += -0.20515683;
    } else {
      result[0] += 0.05141362;
    }
  } else {
    result[0] += 0.19558726;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)243.3999939)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)242)) {
      result[0] += -0.21948645;
    } else {
      result[0] += 0.04706523;
    }
  } else {
    result[0] += 0.23289114;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)249.80000305)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)114)) {
      result[0] += -0.21305452;
    } else {
      result[0] += 0.05223752;
    }
  } else {
    result[0] += 0.21756022;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)180.3999939)) {
    result[0] += -0.18789995;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.300000191)) {
      result[0] += -0.07312683;
    } else {
      result[0] += 0.21948893;
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)107)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)226.69999695)) {
      result[0] += -0.058114734;
    } else {
      result[0] += 0.19296095;
    }
  } else {
    result[0] += -0.18294087;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)249.80000305)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)114)) {
      result[0] += -0.19109547;
    } else {
      result[0] += 0.02832277;
    }
  } else {
    result[0] += 0.1711883;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)105)) {
    result[0] += -0.1617482;
  } else {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
      result[0] += 0.17727853;
    } else {
      result[0] += -0.062647946;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)249.80000305)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)114)) {
      result[0] += -0.17565206;
    } else {
      result[0] += 0.020736806;
    }
  } else {
    result[0] += 0.14122906;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)249.80000305)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)242)) {
      result[0] += -0.16786462;
    } else {
      result[0] += 0.027404094;
    }
  } else {
    result[0] += 0.11746559;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)236.3999939)) {
    result[0] += -0.08638303;
  } else {
    result[0] += 0.088076256;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)96)) {
    result[0] += -0.08883689;
  } else {
    result[0] += 0.079729006;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)249.80000305)) {
    result[0] += -0.07588554;
  } else {
    result[0] += 0.10376325;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
    result[0] += 0.07892712;
  } else {
    result[0] += -0.09615797;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)106)) {
    result[0] += -0.09683435;
  } else {
    result[0] += 0.0667762;
  }
  
  // Apply base_scores
  result[0] += -2.415913789663184374;
  
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

