
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
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)246.80000305)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)62)) {
        result[0] += -0.03523136;
      } else {
        result[0] += -0.3237873;
      }
    } else {
      result[0] += 0.17615654;
    }
  } else {
    result[0] += 0.6602268;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)246.80000305)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)62)) {
        result[0] += -0.02883388;
      } else {
        result[0] += -0.29486597;
      }
    } else {
      result[0] += 0.13160336;
    }
  } else {
    result[0] += 0.42199203;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)187.30000305)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)11)) {
      result[0] += -0.29961544;
    } else {
      result[0] += -0.046819676;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)240.1000061)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)111)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)223.8999939)) {
          result[0] += -0.034088805;
        } else {
          result[0] += -0.22678496;
        }
      } else {
        result[0] += 0.24801937;
      }
    } else {
      result[0] += 0.4497211;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)187.30000305)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)11)) {
      result[0] += -0.2690122;
    } else {
      result[0] += -0.0403103;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)240.1000061)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
        result[0] += 0.24985415;
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)111)) {
          result[0] += -0.23854831;
        } else {
          result[0] += 0.09488643;
        }
      }
    } else {
      result[0] += 0.3590924;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)246.80000305)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)110)) {
        result[0] += -0.28536117;
      } else {
        result[0] += 0.02239651;
      }
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)102)) {
        result[0] += 0.25050148;
      } else {
        result[0] += 0.064705186;
      }
    }
  } else {
    result[0] += 0.38136414;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)187.30000305)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)110)) {
      result[0] += -0.23022583;
    } else {
      result[0] += -0.04191033;
    }
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)103)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)98)) {
        result[0] += 0.050283875;
      } else {
        result[0] += 0.31127638;
      }
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)94)) {
        result[0] += 0.11432056;
      } else {
        result[0] += -0.1836284;
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)246.80000305)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)110)) {
        result[0] += -0.2587889;
      } else {
        result[0] += 0.012857394;
      }
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)98)) {
        result[0] += 0.2218949;
      } else {
        result[0] += 0.031324994;
      }
    }
  } else {
    result[0] += 0.283635;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)173.30000305)) {
    result[0] += -0.20845354;
  } else {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)246.80000305)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)66)) {
          result[0] += 0.09536059;
        } else {
          result[0] += -0.21189454;
        }
      } else {
        result[0] += 0.1668096;
      }
    } else {
      result[0] += 0.23144485;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)187.30000305)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)184)) {
      result[0] += -0.043258574;
    } else {
      result[0] += -0.19538675;
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)111)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)98)) {
        result[0] += 0.037334643;
      } else {
        result[0] += -0.104555875;
      }
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)102)) {
        result[0] += 0.06911979;
      } else {
        result[0] += 0.25069365;
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)246.80000305)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)62)) {
        result[0] += 0.026135482;
      } else {
        result[0] += -0.23222475;
      }
    } else {
      result[0] += 0.13058177;
    }
  } else {
    result[0] += 0.21130656;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)187.30000305)) {
    result[0] += -0.14683719;
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)107)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)111)) {
        result[0] += 0.021212058;
      } else {
        result[0] += 0.22007768;
      }
    } else {
      result[0] += -0.06581111;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)187.30000305)) {
    result[0] += -0.12687008;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)240.1000061)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)110)) {
        result[0] += -0.1049668;
      } else {
        result[0] += 0.10950642;
      }
    } else {
      result[0] += 0.20001082;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)187.30000305)) {
    result[0] += -0.109424174;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)240.1000061)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)111)) {
        result[0] += -0.11074348;
      } else {
        result[0] += 0.08964127;
      }
    } else {
      result[0] += 0.18161756;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)205.8999939)) {
      result[0] += -0.13882864;
    } else {
      result[0] += 0.04663462;
    }
  } else {
    result[0] += 0.13292478;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)106)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)118)) {
      result[0] += -0.15127373;
    } else {
      result[0] += 0.05960524;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)203.30000305)) {
      result[0] += 0.16349763;
    } else {
      result[0] += 0.0013884658;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)100)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)103)) {
        result[0] += -0.052727435;
      } else {
        result[0] += 0.10958845;
      }
    } else {
      result[0] += -0.15421958;
    }
  } else {
    result[0] += 0.11149443;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)107)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)111)) {
      result[0] += -0.014290059;
    } else {
      result[0] += 0.12697665;
    }
  } else {
    result[0] += -0.08262694;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)106)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)208.3999939)) {
      result[0] += -0.12927413;
    } else {
      result[0] += 0.041993625;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)167.80000305)) {
      result[0] += -0.008697573;
    } else {
      result[0] += 0.13941544;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)100)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)103)) {
        result[0] += -0.038873345;
      } else {
        result[0] += 0.079805255;
      }
    } else {
      result[0] += -0.14181799;
    }
  } else {
    result[0] += 0.100745924;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)187.30000305)) {
    result[0] += -0.09160222;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)103)) {
      result[0] += 0.10490244;
    } else {
      result[0] += -0.032301508;
    }
  }
  
  // Apply base_scores
  result[0] += -1.312186351140144591;
  
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

