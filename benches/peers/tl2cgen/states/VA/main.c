
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
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)207)) {
    result[0] += -0.22726156;
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)108)) {
      result[0] += -0.040467672;
    } else {
      result[0] += 0.42752925;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)112)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)216.80000305)) {
      result[0] += -0.05405026;
    } else {
      result[0] += 0.40805802;
    }
  } else {
    result[0] += -0.2220091;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)112)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)216.80000305)) {
      result[0] += -0.046231613;
    } else {
      result[0] += 0.2770178;
    }
  } else {
    result[0] += -0.20536016;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)207)) {
    result[0] += -0.19058584;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)102)) {
      result[0] += 0.28289324;
    } else {
      result[0] += -0.0858147;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)112)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)108)) {
      result[0] += -0.06728109;
    } else {
      result[0] += 0.19511044;
    }
  } else {
    result[0] += -0.179353;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)207)) {
    result[0] += -0.17441349;
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
      result[0] += 0.1751281;
    } else {
      result[0] += -0.07237751;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)112)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)92)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.399999619)) {
        result[0] += -0.18211873;
      } else {
        result[0] += 0.109390415;
      }
    } else {
      result[0] += 0.18213177;
    }
  } else {
    result[0] += -0.16349162;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)102)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)120)) {
      result[0] += -0.087035045;
    } else {
      result[0] += 0.23828572;
    }
  } else {
    result[0] += -0.11993513;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)253.5)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)149)) {
      result[0] += 0.10710017;
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
        result[0] += -0.1998909;
      } else {
        result[0] += -0.03380458;
      }
    }
  } else {
    result[0] += 0.12294196;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)113)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)231.1000061)) {
      result[0] += -0.07571843;
    } else {
      result[0] += 0.18891852;
    }
  } else {
    result[0] += -0.11091519;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)102)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)120)) {
      result[0] += -0.08426003;
    } else {
      result[0] += 0.20747304;
    }
  } else {
    result[0] += -0.1013215;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)102)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)197)) {
      result[0] += -0.062808566;
    } else {
      result[0] += 0.1603598;
    }
  } else {
    result[0] += -0.105122365;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)254.69999695)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)151)) {
      result[0] += 0.103741445;
    } else {
      result[0] += -0.15107022;
    }
  } else {
    result[0] += 0.1123524;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)259.20001221)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.600000381)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)92)) {
        result[0] += -0.17549326;
      } else {
        result[0] += -0.036200147;
      }
    } else {
      result[0] += 0.09614124;
    }
  } else {
    result[0] += 0.11300624;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.5)) {
    result[0] += 0.10848166;
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
      result[0] += -0.20069025;
    } else {
      result[0] += 0.105295055;
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)108)) {
    result[0] += -0.09178056;
  } else {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
      result[0] += -0.07363065;
    } else {
      result[0] += 0.1760732;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)247)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)120)) {
      result[0] += -0.18147105;
    } else {
      result[0] += 0.08346799;
    }
  } else {
    result[0] += 0.097331405;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)270.3999939)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)102)) {
      result[0] += 0.047791906;
    } else {
      result[0] += -0.1649478;
    }
  } else {
    result[0] += 0.09308529;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)198.5)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)208.5)) {
      result[0] += 0.07093861;
    } else {
      result[0] += -0.17271656;
    }
  } else {
    result[0] += 0.06850192;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)270.3999939)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)149)) {
      result[0] += 0.06920169;
    } else {
      result[0] += -0.12696224;
    }
  } else {
    result[0] += 0.08540621;
  }
  
  // Apply base_scores
  result[0] += -2.667228192239587514;
  
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

