
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
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)234.3999939)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      result[0] += -0.3021863;
    } else {
      result[0] += 0.094206184;
    }
  } else {
    result[0] += 0.8939795;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)234.3999939)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      result[0] += -0.28139678;
    } else {
      result[0] += 0.072151236;
    }
  } else {
    result[0] += 0.50617766;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)82)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)210.5)) {
      result[0] += 0.07722737;
    } else {
      result[0] += 0.49190754;
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)250.80000305)) {
      result[0] += -0.29358995;
    } else {
      result[0] += 0.2596324;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)234.3999939)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      result[0] += -0.25297484;
    } else {
      result[0] += 0.06959492;
    }
  } else {
    result[0] += 0.3106159;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)82)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)212.69999695)) {
      result[0] += 0.041164104;
    } else {
      result[0] += 0.38563338;
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)250.80000305)) {
      result[0] += -0.27459738;
    } else {
      result[0] += 0.18624544;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)256.3999939)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)240.3999939)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)224.69999695)) {
        result[0] += -0.24888544;
      } else {
        result[0] += -0.024484582;
      }
    } else {
      result[0] += 0.10817746;
    }
  } else {
    result[0] += 0.3034637;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)82)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)212.69999695)) {
      result[0] += 0.02742093;
    } else {
      result[0] += 0.31129527;
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.15196453;
    } else {
      result[0] += -0.24648483;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)233.69999695)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)233.69999695)) {
      result[0] += -0.22228715;
    } else {
      result[0] += 0.06433822;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)196.5)) {
      result[0] += -0.057468623;
    } else {
      result[0] += 0.28595296;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)82)) {
    result[0] += 0.18435666;
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.11000536;
    } else {
      result[0] += -0.22113316;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)233.69999695)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)228.3999939)) {
      result[0] += -0.20102991;
    } else {
      result[0] += 0.05077893;
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
      result[0] += 0.23892678;
    } else {
      result[0] += -0.03425603;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)256.3999939)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      result[0] += -0.18674661;
    } else {
      result[0] += 0.106993996;
    }
  } else {
    result[0] += 0.1975381;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)82)) {
    result[0] += 0.13934311;
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.08559783;
    } else {
      result[0] += -0.19377115;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)233.69999695)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)223.6000061)) {
      result[0] += -0.16712959;
    } else {
      result[0] += 0.017734561;
    }
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)100)) {
      result[0] += -0.036052715;
    } else {
      result[0] += 0.20679455;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)82)) {
    result[0] += 0.113149814;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)250.80000305)) {
      result[0] += -0.18047331;
    } else {
      result[0] += 0.07546705;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)234.3999939)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)99)) {
      result[0] += -0.18434283;
    } else {
      result[0] += 0.07598803;
    }
  } else {
    result[0] += 0.12410385;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)224.3999939)) {
      result[0] += -0.16009611;
    } else {
      result[0] += 0.042235143;
    }
  } else {
    result[0] += 0.10271751;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)233.69999695)) {
    result[0] += -0.087866195;
  } else {
    result[0] += 0.08330485;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)82)) {
    result[0] += 0.09399214;
  } else {
    result[0] += -0.07774824;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
    result[0] += -0.07282552;
  } else {
    result[0] += 0.08626855;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)234.3999939)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)99)) {
      result[0] += -0.16520941;
    } else {
      result[0] += 0.057196304;
    }
  } else {
    result[0] += 0.10515338;
  }
  
  // Apply base_scores
  result[0] += -1.80679729297267877;
  
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

