
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
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.8999939)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)84)) {
      result[0] += -0.022367151;
    } else {
      result[0] += -0.27840644;
    }
  } else {
    result[0] += 0.65808785;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.8999939)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)84)) {
      result[0] += -0.018166017;
    } else {
      result[0] += -0.25895473;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)208.80000305)) {
      result[0] += -0.059710972;
    } else {
      result[0] += 0.6429111;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.8999939)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)111)) {
      result[0] += -0.24481525;
    } else {
      result[0] += -0.00947552;
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)215.19999695)) {
      result[0] += -0.016811958;
    } else {
      result[0] += 0.51513976;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.8999939)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
      result[0] += 0.0142259095;
    } else {
      result[0] += -0.23373061;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)208.80000305)) {
      result[0] += -0.061288755;
    } else {
      result[0] += 0.36681014;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)263.3999939)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)111)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)226.1000061)) {
        result[0] += -0.24144015;
      } else {
        result[0] += -0.059081234;
      }
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.399999619)) {
        result[0] += 0.2772857;
      } else {
        result[0] += -0.16766301;
      }
    }
  } else {
    result[0] += 0.29539573;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.8999939)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)84)) {
      result[0] += 0.03919554;
    } else {
      result[0] += -0.2156021;
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)194)) {
      result[0] += -0.07560555;
    } else {
      result[0] += 0.28183812;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)263.3999939)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)111)) {
      result[0] += -0.19001676;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)88)) {
        result[0] += 0.17405961;
      } else {
        result[0] += -0.05261298;
      }
    }
  } else {
    result[0] += 0.21121089;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)230.5)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)215.19999695)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
        result[0] += 0.05631446;
      } else {
        result[0] += -0.18116666;
      }
    } else {
      result[0] += 0.29225543;
    }
  } else {
    result[0] += -0.18705401;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)230.5)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)219.69999695)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)111)) {
        result[0] += -0.15116686;
      } else {
        result[0] += 0.09630616;
      }
    } else {
      result[0] += 0.26078328;
    }
  } else {
    result[0] += -0.17177212;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)151)) {
    result[0] += -0.16239469;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.6999998093)) {
      result[0] += -0.06528271;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)107)) {
        result[0] += 0.19943307;
      } else {
        result[0] += -0.0072413487;
      }
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)241)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.6999998093)) {
      result[0] += -0.18146417;
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
        result[0] += 0.11258217;
      } else {
        result[0] += -0.08719481;
      }
    }
  } else {
    result[0] += 0.13975228;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.8999939)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)84)) {
      result[0] += 0.043730117;
    } else {
      result[0] += -0.17767811;
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.399999619)) {
      result[0] += -0.043144852;
    } else {
      result[0] += 0.19058914;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)1)) {
    result[0] += 0.12940986;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)194)) {
      result[0] += -0.1874511;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)229.6000061)) {
        result[0] += -0.08468147;
      } else {
        result[0] += 0.17194724;
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)111)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.300000191)) {
      result[0] += -0.1841971;
    } else {
      result[0] += 0.055510964;
    }
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)88)) {
      result[0] += 0.15072636;
    } else {
      result[0] += -0.01734069;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)1)) {
    result[0] += 0.10799295;
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)83)) {
      result[0] += -0.1655488;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)219.69999695)) {
        result[0] += -0.07644921;
      } else {
        result[0] += 0.12951127;
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)111)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)243)) {
      result[0] += -0.11272249;
    } else {
      result[0] += -0.001779117;
    }
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)88)) {
      result[0] += 0.12681931;
    } else {
      result[0] += -0.020131905;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)238.6000061)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)170.19999695)) {
      result[0] += 0.05174242;
    } else {
      result[0] += -0.11440615;
    }
  } else {
    result[0] += 0.10193346;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.8999939)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.399999619)) {
      result[0] += 0.04416062;
    } else {
      result[0] += -0.15990488;
    }
  } else {
    result[0] += 0.08114366;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.8999939)) {
    result[0] += -0.060952146;
  } else {
    result[0] += 0.065574065;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)111)) {
    result[0] += -0.06739814;
  } else {
    result[0] += 0.062122192;
  }
  
  // Apply base_scores
  result[0] += -2.022283155962177226;
  
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

