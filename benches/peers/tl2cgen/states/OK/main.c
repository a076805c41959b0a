
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
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)253.1000061)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)172)) {
      result[0] += 0.23703213;
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)154)) {
        result[0] += -0.28188482;
      } else {
        result[0] += -0.026965847;
      }
    }
  } else {
    result[0] += 0.4216477;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)9)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)74)) {
        result[0] += -0.029155014;
      } else {
        result[0] += -0.2777392;
      }
    } else {
      result[0] += 0.21831356;
    }
  } else {
    result[0] += 0.36325687;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)269.70001221)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)164.19999695)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)186.3999939)) {
        result[0] += 0.45081794;
      } else {
        result[0] += -0.19070518;
      }
    } else {
      result[0] += -0.27626768;
    }
  } else {
    result[0] += 0.40171984;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)269.70001221)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)164.19999695)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)186.3999939)) {
        result[0] += 0.31975895;
      } else {
        result[0] += -0.17451313;
      }
    } else {
      result[0] += -0.25489452;
    }
  } else {
    result[0] += 0.30218294;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)269.70001221)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)164.19999695)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.300000191)) {
        result[0] += -0.11107509;
      } else {
        result[0] += 0.26239628;
      }
    } else {
      result[0] += -0.23561603;
    }
  } else {
    result[0] += 0.23534682;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)88)) {
      result[0] += 0.14483196;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)118)) {
        result[0] += -0.25231504;
      } else {
        result[0] += -0.03864479;
      }
    }
  } else {
    result[0] += 0.17742424;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)1)) {
    result[0] += 0.19095005;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)7.5999999046)) {
      result[0] += 0.1745659;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)118)) {
        result[0] += -0.2390139;
      } else {
        result[0] += 0.002151951;
      }
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)30)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)1)) {
      result[0] += 0.23552947;
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)9)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)91)) {
          result[0] += 0.034081645;
        } else {
          result[0] += -0.20573722;
        }
      } else {
        result[0] += 0.17415416;
      }
    }
  } else {
    result[0] += -0.18745574;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)269.70001221)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)186.3999939)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.399999619)) {
        result[0] += -0.08069036;
      } else {
        result[0] += 0.20893769;
      }
    } else {
      result[0] += -0.21634114;
    }
  } else {
    result[0] += 0.16740452;
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)229.30000305)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)186.3999939)) {
        result[0] += 0.11094671;
      } else {
        result[0] += -0.17056179;
      }
    } else {
      result[0] += 0.21700159;
    }
  } else {
    result[0] += -0.13616237;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)88)) {
      result[0] += 0.08367407;
    } else {
      result[0] += -0.16492401;
    }
  } else {
    result[0] += 0.124986894;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)9)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
      result[0] += -0.16217023;
    } else {
      result[0] += 0.07945046;
    }
  } else {
    result[0] += 0.13619554;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)107)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)89)) {
      result[0] += -0.08830963;
    } else {
      result[0] += 0.19039382;
    }
  } else {
    result[0] += -0.100998916;
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)9)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)87)) {
        result[0] += 0.08402559;
      } else {
        result[0] += -0.11189731;
      }
    } else {
      result[0] += 0.17053753;
    }
  } else {
    result[0] += -0.11553658;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)106)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)114)) {
      result[0] += -0.044736214;
    } else {
      result[0] += 0.15575376;
    }
  } else {
    result[0] += -0.09185557;
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)9)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)87)) {
        result[0] += 0.073743455;
      } else {
        result[0] += -0.10010255;
      }
    } else {
      result[0] += 0.14200401;
    }
  } else {
    result[0] += -0.10038157;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)107)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)93)) {
      result[0] += -0.031733204;
    } else {
      result[0] += 0.13296375;
    }
  } else {
    result[0] += -0.082394235;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)253.1000061)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)186.3999939)) {
      result[0] += 0.069285996;
    } else {
      result[0] += -0.17365423;
    }
  } else {
    result[0] += 0.10185991;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)89)) {
      result[0] += 0.031504773;
    } else {
      result[0] += -0.12402163;
    }
  } else {
    result[0] += 0.08125661;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)110)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)107)) {
      result[0] += 0.11615556;
    } else {
      result[0] += -0.032216717;
    }
  } else {
    result[0] += -0.074375235;
  }
  
  // Apply base_scores
  result[0] += -1.754019117938263816;
  
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

