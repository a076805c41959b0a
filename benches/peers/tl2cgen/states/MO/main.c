
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
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)256.70001221)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
      result[0] += 0.12442397;
    } else {
      result[0] += -0.26005667;
    }
  } else {
    result[0] += 0.36610168;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)109)) {
      result[0] += -0.25836226;
    } else {
      result[0] += 0.124982245;
    }
  } else {
    result[0] += 0.3423725;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)256.70001221)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)97)) {
      result[0] += 0.092246644;
    } else {
      result[0] += -0.24152198;
    }
  } else {
    result[0] += 0.25294515;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)109)) {
      result[0] += -0.23965816;
    } else {
      result[0] += 0.10535767;
    }
  } else {
    result[0] += 0.2203957;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)256.70001221)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)98)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)101)) {
        result[0] += 0.24339525;
      } else {
        result[0] += -0.10025032;
      }
    } else {
      result[0] += -0.2323039;
    }
  } else {
    result[0] += 0.26596424;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)258.20001221)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)86)) {
      result[0] += 0.08825052;
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)116)) {
        result[0] += -0.22713128;
      } else {
        result[0] += -0.03133001;
      }
    }
  } else {
    result[0] += 0.24082924;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)235.5)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)95)) {
        result[0] += 0.17977828;
      } else {
        result[0] += -0.040249325;
      }
    } else {
      result[0] += -0.23187962;
    }
  } else {
    result[0] += 0.2321194;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)244.80000305)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)98)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)76)) {
        result[0] += -0.16918172;
      } else {
        result[0] += 0.27254173;
      }
    } else {
      result[0] += -0.23375677;
    }
  } else {
    result[0] += 0.2303644;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)246.80000305)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)165.8999939)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)146.8999939)) {
        result[0] += -0.08787419;
      } else {
        result[0] += 0.22184993;
      }
    } else {
      result[0] += -0.21915448;
    }
  } else {
    result[0] += 0.20609711;
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)98)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)85)) {
        result[0] += 0.2161531;
      } else {
        result[0] += 0.05299527;
      }
    } else {
      result[0] += -0.05381997;
    }
  } else {
    result[0] += -0.17581037;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)261.70001221)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)98)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)97)) {
        result[0] += 0.19677667;
      } else {
        result[0] += -0.081193805;
      }
    } else {
      result[0] += -0.212296;
    }
  } else {
    result[0] += 0.19277167;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)274.70001221)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
      result[0] += -0.20084725;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)228.8999939)) {
        result[0] += -0.0708495;
      } else {
        result[0] += 0.168023;
      }
    }
  } else {
    result[0] += 0.17531462;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)256.70001221)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.399999619)) {
        result[0] += -0.17496209;
      } else {
        result[0] += -0.04764139;
      }
    } else {
      result[0] += 0.07117264;
    }
  } else {
    result[0] += 0.16245522;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)274.70001221)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
      result[0] += -0.18273546;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)228.8999939)) {
        result[0] += -0.056001835;
      } else {
        result[0] += 0.12427878;
      }
    }
  } else {
    result[0] += 0.14299802;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)256.70001221)) {
      result[0] += -0.12908322;
    } else {
      result[0] += 0.043878548;
    }
  } else {
    result[0] += 0.13677987;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)86)) {
      result[0] += 0.12063265;
    } else {
      result[0] += 0.014907464;
    }
  } else {
    result[0] += -0.08482405;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)274.70001221)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)98)) {
      result[0] += 0.041590147;
    } else {
      result[0] += -0.16855706;
    }
  } else {
    result[0] += 0.1301907;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)256.70001221)) {
      result[0] += -0.10865113;
    } else {
      result[0] += 0.029199654;
    }
  } else {
    result[0] += 0.114122264;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)109)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)7.9000000954)) {
      result[0] += 0.076844186;
    } else {
      result[0] += -0.18186307;
    }
  } else {
    result[0] += 0.091763094;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)98)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      result[0] += -0.048742164;
    } else {
      result[0] += 0.16007748;
    }
  } else {
    result[0] += -0.08035495;
  }
  
  // Apply base_scores
  result[0] += -2.079441533297932576;
  
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

