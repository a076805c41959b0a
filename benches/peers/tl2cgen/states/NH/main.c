
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
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)255.69999695)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
      result[0] += -0.27813783;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)192.5)) {
        result[0] += -0.19599597;
      } else {
        result[0] += 0.23731124;
      }
    }
  } else {
    result[0] += 0.48152095;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)255.69999695)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)218.80000305)) {
        result[0] += -0.27611145;
      } else {
        result[0] += -0.031888176;
      }
    } else {
      result[0] += 0.24631684;
    }
  } else {
    result[0] += 0.32799292;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)225.19999695)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.600000381)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)203.1000061)) {
        result[0] += 0.023241274;
      } else {
        result[0] += 0.46772674;
      }
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.800000191)) {
        result[0] += -0.19282386;
      } else {
        result[0] += 0.108127646;
      }
    }
  } else {
    result[0] += -0.25786838;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)270.5)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)78)) {
        result[0] += -0.04030412;
      } else {
        result[0] += -0.27494177;
      }
    } else {
      result[0] += 0.28417245;
    }
  } else {
    result[0] += 0.3720801;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)270.5)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)216.69999695)) {
        result[0] += -0.2537321;
      } else {
        result[0] += -0.03435256;
      }
    } else {
      result[0] += 0.22265878;
    }
  } else {
    result[0] += 0.29485488;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)225.19999695)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)154.69999695)) {
      result[0] += 0.25782862;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)228.8999939)) {
        result[0] += -0.22790901;
      } else {
        result[0] += 0.25728416;
      }
    }
  } else {
    result[0] += -0.2121142;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)217.3999939)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)228.8999939)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)138.30000305)) {
        result[0] += 0.24159665;
      } else {
        result[0] += -0.21162815;
      }
    } else {
      result[0] += 0.26455352;
    }
  } else {
    result[0] += -0.15826482;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)270.5)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)110)) {
        result[0] += -0.21598853;
      } else {
        result[0] += -0.032544326;
      }
    } else {
      result[0] += 0.14281245;
    }
  } else {
    result[0] += 0.20524503;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)225.19999695)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.600000381)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)98)) {
        result[0] += -0.0013539955;
      } else {
        result[0] += 0.23572919;
      }
    } else {
      result[0] += -0.048654925;
    }
  } else {
    result[0] += -0.17526156;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)110)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.399999619)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)193.30000305)) {
        result[0] += -0.031865668;
      } else {
        result[0] += 0.10904214;
      }
    } else {
      result[0] += -0.20573337;
    }
  } else {
    result[0] += 0.17088303;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)228.8999939)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)154.69999695)) {
      result[0] += 0.08563709;
    } else {
      result[0] += -0.20652655;
    }
  } else {
    result[0] += 0.15301667;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)217.3999939)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)255.69999695)) {
      result[0] += -0.01470122;
    } else {
      result[0] += 0.15955965;
    }
  } else {
    result[0] += -0.121642664;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)110)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.399999619)) {
      result[0] += 0.03966476;
    } else {
      result[0] += -0.18295693;
    }
  } else {
    result[0] += 0.13236383;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)228.8999939)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)154.69999695)) {
      result[0] += 0.06418332;
    } else {
      result[0] += -0.18631059;
    }
  } else {
    result[0] += 0.12624332;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)110)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)213.1000061)) {
      result[0] += -0.10983545;
    } else {
      result[0] += 0.041133903;
    }
  } else {
    result[0] += 0.106308706;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)217.3999939)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)204.69999695)) {
      result[0] += -0.03488512;
    } else {
      result[0] += 0.1440109;
    }
  } else {
    result[0] += -0.10253569;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
    result[0] += -0.07292358;
  } else {
    result[0] += 0.0721842;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)270.5)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      result[0] += -0.12855951;
    } else {
      result[0] += 0.074584134;
    }
  } else {
    result[0] += 0.10070259;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.600000381)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)105)) {
      result[0] += 0.0023674218;
    } else {
      result[0] += 0.10532321;
    }
  } else {
    result[0] += -0.085363075;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)110)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.300000191)) {
      result[0] += 0.018961776;
    } else {
      result[0] += -0.11006439;
    }
  } else {
    result[0] += 0.09174815;
  }
  
  // Apply base_scores
  result[0] += -1.652923040155683587;
  
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

