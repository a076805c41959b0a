
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
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)120)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)220.1000061)) {
        result[0] += -0.31528664;
      } else {
        result[0] += -0.05660378;
      }
    } else {
      result[0] += 0.22641511;
    }
  } else {
    result[0] += 0.71052635;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)121)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)1)) {
        result[0] += -0.03930359;
      } else {
        result[0] += -0.29426157;
      }
    } else {
      result[0] += 0.22502004;
    }
  } else {
    result[0] += 0.46295223;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)220.1000061)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)143.19999695)) {
        result[0] += -0.042836327;
      } else {
        result[0] += -0.2781374;
      }
    } else {
      result[0] += 0.1750023;
    }
  } else {
    result[0] += 0.34498787;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)121)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)221.19999695)) {
        result[0] += -0.26073885;
      } else {
        result[0] += -0.029456101;
      }
    } else {
      result[0] += 0.1944373;
    }
  } else {
    result[0] += 0.27440062;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)89)) {
    result[0] += -0.24024802;
  } else {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)215.1000061)) {
        result[0] += -0.23442273;
      } else {
        result[0] += 0.20891434;
      }
    } else {
      result[0] += 0.3015027;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)91)) {
    result[0] += -0.19447613;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)220.1000061)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
        result[0] += -0.20935346;
      } else {
        result[0] += 0.21078196;
      }
    } else {
      result[0] += 0.2838503;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)89)) {
    result[0] += -0.20589408;
  } else {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
        result[0] += 0.14205629;
      } else {
        result[0] += -0.20567772;
      }
    } else {
      result[0] += 0.2523609;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)91)) {
    result[0] += -0.16625123;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)225.3999939)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)164)) {
        result[0] += 0.07106152;
      } else {
        result[0] += -0.11704558;
      }
    } else {
      result[0] += 0.21509205;
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)91)) {
      result[0] += -0.083480075;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)197)) {
        result[0] += 0.0010237982;
      } else {
        result[0] += 0.2778571;
      }
    }
  } else {
    result[0] += -0.16533211;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)145.69999695)) {
    result[0] += 0.15609916;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)224.19999695)) {
      result[0] += -0.22700754;
    } else {
      result[0] += 0.09735016;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)121)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)182.8999939)) {
        result[0] += -0.044993605;
      } else {
        result[0] += -0.1908232;
      }
    } else {
      result[0] += 0.10220413;
    }
  } else {
    result[0] += 0.14417903;
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      result[0] += -0.02047645;
    } else {
      result[0] += 0.14791298;
    }
  } else {
    result[0] += -0.14013477;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)91)) {
    result[0] += -0.12784003;
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
      result[0] += 0.13931315;
    } else {
      result[0] += -0.05291095;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)145.69999695)) {
    result[0] += 0.11583113;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)224.19999695)) {
      result[0] += -0.20233549;
    } else {
      result[0] += 0.08217771;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)225.3999939)) {
      result[0] += -0.14444943;
    } else {
      result[0] += 0.062364437;
    }
  } else {
    result[0] += 0.11978927;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)121)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)170.80000305)) {
      result[0] += 0.0786632;
    } else {
      result[0] += -0.15955026;
    }
  } else {
    result[0] += 0.10971986;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)220.1000061)) {
      result[0] += -0.17209932;
    } else {
      result[0] += 0.068973325;
    }
  } else {
    result[0] += 0.08849052;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)91)) {
    result[0] += -0.107604675;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)110)) {
      result[0] += 0.11635018;
    } else {
      result[0] += -0.031094354;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)145.69999695)) {
    result[0] += 0.09640709;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)224.19999695)) {
      result[0] += -0.1729066;
    } else {
      result[0] += 0.061124105;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)121)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)171.80000305)) {
      result[0] += 0.052960705;
    } else {
      result[0] += -0.13554196;
    }
  } else {
    result[0] += 0.09071101;
  }
  
  // Apply base_scores
  result[0] += -1.38629434249343908;
  
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

