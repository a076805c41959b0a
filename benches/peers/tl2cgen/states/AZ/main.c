
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
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)116)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)102)) {
      result[0] += -0.19881657;
    } else {
      result[0] += -0.018250952;
    }
  } else {
    result[0] += 0.27376428;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)119)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)94)) {
      result[0] += -0.009213867;
    } else {
      result[0] += -0.19410953;
    }
  } else {
    result[0] += 0.23478384;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.8000001907)) {
    result[0] += 0.18723889;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)96)) {
      result[0] += -0.012840999;
    } else {
      result[0] += -0.1841868;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)119)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)181.80000305)) {
      result[0] += -0.010868976;
    } else {
      result[0] += -0.17787953;
    }
  } else {
    result[0] += 0.16490167;
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)115)) {
      result[0] += -0.06759013;
    } else {
      result[0] += 0.27424547;
    }
  } else {
    result[0] += -0.184576;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)198.8999939)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.899999619)) {
      result[0] += -0.013680287;
    } else {
      result[0] += -0.17145613;
    }
  } else {
    result[0] += 0.1348605;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.1999998093)) {
    result[0] += -0.17672187;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.600000381)) {
      result[0] += 0.2809715;
    } else {
      result[0] += -0.09019926;
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)116)) {
      result[0] += -0.08001118;
    } else {
      result[0] += 0.23323232;
    }
  } else {
    result[0] += -0.16374001;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
    result[0] += -0.11985801;
  } else {
    result[0] += 0.11391951;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
    result[0] += 0.11200007;
  } else {
    result[0] += -0.11831776;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.8000001907)) {
    result[0] += 0.10403363;
  } else {
    result[0] += -0.10996588;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)198.8999939)) {
    result[0] += -0.10704472;
  } else {
    result[0] += 0.09692424;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
    result[0] += -0.103790164;
  } else {
    result[0] += 0.09054969;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)100)) {
    result[0] += -0.10443635;
  } else {
    result[0] += 0.09205042;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)204.5)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)179.69999695)) {
      result[0] += 0.09912547;
    } else {
      result[0] += -0.1963412;
    }
  } else {
    result[0] += 0.12399967;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)210.69999695)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)179.69999695)) {
      result[0] += 0.07453394;
    } else {
      result[0] += -0.18573502;
    }
  } else {
    result[0] += 0.12405621;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)219.19999695)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.8000001907)) {
      result[0] += 0.045982983;
    } else {
      result[0] += -0.17092997;
    }
  } else {
    result[0] += 0.11559846;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)220.6000061)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)119)) {
      result[0] += -0.17207773;
    } else {
      result[0] += 0.055916417;
    }
  } else {
    result[0] += 0.11366597;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)215.3999939)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)179.69999695)) {
      result[0] += 0.060220975;
    } else {
      result[0] += -0.17701681;
    }
  } else {
    result[0] += 0.115049765;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
    result[0] += -0.09533128;
  } else {
    result[0] += 0.08301817;
  }
  
  // Apply base_scores
  result[0] += -2.708050201102210064;
  
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

