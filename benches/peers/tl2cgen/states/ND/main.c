
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
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)105)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)75)) {
      result[0] += -0.02361605;
    } else {
      result[0] += -0.23818076;
    }
  } else {
    result[0] += 0.31398165;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)250)) {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)31)) {
      result[0] += -0.25559705;
    } else {
      result[0] += 0.12139679;
    }
  } else {
    result[0] += 0.3847309;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)224.8999939)) {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)31)) {
      result[0] += -0.2439567;
    } else {
      result[0] += 0.09709318;
    }
  } else {
    result[0] += 0.31638825;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)193.1000061)) {
    result[0] += -0.2259018;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)241.6000061)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)98)) {
        result[0] += -0.17639765;
      } else {
        result[0] += 0.12662306;
      }
    } else {
      result[0] += 0.4145631;
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)105)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.100000381)) {
      result[0] += -0.20912349;
    } else {
      result[0] += -0.020082813;
    }
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)120)) {
      result[0] += -0.06390881;
    } else {
      result[0] += 0.37713847;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)193.1000061)) {
    result[0] += -0.20121203;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)107)) {
      result[0] += 0.28196982;
    } else {
      result[0] += -0.09979522;
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)105)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)197.1000061)) {
      result[0] += -0.024608674;
    } else {
      result[0] += -0.19158342;
    }
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)120)) {
      result[0] += -0.053247005;
    } else {
      result[0] += 0.26870444;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)224.8999939)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)159.1000061)) {
      result[0] += 0.09897942;
    } else {
      result[0] += -0.22015916;
    }
  } else {
    result[0] += 0.1644929;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)193.1000061)) {
    result[0] += -0.18190303;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)107)) {
      result[0] += 0.20501928;
    } else {
      result[0] += -0.08898866;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)264.20001221)) {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)33)) {
      result[0] += -0.17377035;
    } else {
      result[0] += 0.101033814;
    }
  } else {
    result[0] += 0.1686308;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)105)) {
    result[0] += -0.12688224;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.1000003815)) {
      result[0] += 0.19401309;
    } else {
      result[0] += -0.046123598;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)250)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)159.1000061)) {
      result[0] += 0.09485396;
    } else {
      result[0] += -0.20164199;
    }
  } else {
    result[0] += 0.12890638;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)224.8999939)) {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)33)) {
      result[0] += -0.19356015;
    } else {
      result[0] += 0.08707661;
    }
  } else {
    result[0] += 0.11972355;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)105)) {
    result[0] += -0.10599943;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)120)) {
      result[0] += -0.043060515;
    } else {
      result[0] += 0.16566125;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.8000001907)) {
    result[0] += -0.115530886;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.199999809)) {
      result[0] += 0.14900328;
    } else {
      result[0] += -0.048959505;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)97)) {
    result[0] += 0.11901992;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.8999996185)) {
      result[0] += 0.061149407;
    } else {
      result[0] += -0.17958996;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.8000001907)) {
    result[0] += -0.11002689;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)108)) {
      result[0] += -0.022867335;
    } else {
      result[0] += 0.13959187;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)250)) {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)33)) {
      result[0] += -0.16895074;
    } else {
      result[0] += 0.061977793;
    }
  } else {
    result[0] += 0.09707836;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)224.8999939)) {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)33)) {
      result[0] += -0.1597736;
    } else {
      result[0] += 0.051886223;
    }
  } else {
    result[0] += 0.087529585;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)101)) {
    result[0] += -0.09220481;
  } else {
    result[0] += 0.067243345;
  }
  
  // Apply base_scores
  result[0] += -2.233592254502522856;
  
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

