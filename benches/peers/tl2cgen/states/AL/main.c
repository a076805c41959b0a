
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
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)214.1000061)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)143.1000061)) {
      result[0] += -0.028846161;
    } else {
      result[0] += -0.25301206;
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)102)) {
      result[0] += 0.48091605;
    } else {
      result[0] += -0.063829795;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)242.80000305)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.5)) {
        result[0] += -0.26283705;
      } else {
        result[0] += -0.021359062;
      }
    } else {
      result[0] += 0.16680618;
    }
  } else {
    result[0] += 0.40519464;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)262.8999939)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)129.8999939)) {
      result[0] += 0.17917742;
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.199999809)) {
        result[0] += -0.2613793;
      } else {
        result[0] += -0.018603968;
      }
    }
  } else {
    result[0] += 0.4140175;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)197.1000061)) {
    result[0] += -0.2334622;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)116)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.100000381)) {
        result[0] += -0.029628113;
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
          result[0] += 0.1118046;
        } else {
          result[0] += 0.53113145;
        }
      }
    } else {
      result[0] += -0.19132434;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)264.8999939)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.199999809)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)83)) {
        result[0] += -0.025300076;
      } else {
        result[0] += -0.2489375;
      }
    } else {
      result[0] += 0.121153824;
    }
  } else {
    result[0] += 0.3812629;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)264.8999939)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)76)) {
        result[0] += -0.019328542;
      } else {
        result[0] += -0.23979376;
      }
    } else {
      result[0] += 0.13814916;
    }
  } else {
    result[0] += 0.30103785;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)197.1000061)) {
    result[0] += -0.2021324;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)12)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)81)) {
        result[0] += 0.19313753;
      } else {
        result[0] += -0.21043867;
      }
    } else {
      result[0] += 0.29878518;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)264.8999939)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)129.8999939)) {
      result[0] += 0.12022018;
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.300000191)) {
        result[0] += -0.21725534;
      } else {
        result[0] += -0.027451066;
      }
    }
  } else {
    result[0] += 0.21958303;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)197.1000061)) {
    result[0] += -0.18021144;
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
      result[0] += -0.112328894;
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)95)) {
        result[0] += 0.008783863;
      } else {
        result[0] += 0.2542623;
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)264.8999939)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)203.69999695)) {
        result[0] += -0.21138218;
      } else {
        result[0] += -0.02591296;
      }
    } else {
      result[0] += 0.10090356;
    }
  } else {
    result[0] += 0.18383831;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.699999809)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)75)) {
      result[0] += 0.11495611;
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)12)) {
        result[0] += -0.2134921;
      } else {
        result[0] += 0.016937042;
      }
    }
  } else {
    result[0] += 0.16957343;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)197.1000061)) {
    result[0] += -0.15823956;
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)95)) {
        result[0] += -0.0031896427;
      } else {
        result[0] += 0.18985628;
      }
    } else {
      result[0] += -0.09354226;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)264.8999939)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)77)) {
        result[0] += -0.0367976;
      } else {
        result[0] += -0.18312722;
      }
    } else {
      result[0] += 0.07240292;
    }
  } else {
    result[0] += 0.15426186;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)95)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)96)) {
      result[0] += 0.14526758;
    } else {
      result[0] += -0.03727804;
    }
  } else {
    result[0] += -0.10914936;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)102)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)93)) {
      result[0] += 0.21819562;
    } else {
      result[0] += -0.068747416;
    }
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)98)) {
      result[0] += -0.16829336;
    } else {
      result[0] += 0.014436242;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.300000191)) {
    result[0] += -0.12379984;
  } else {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      result[0] += -0.03125548;
    } else {
      result[0] += 0.18155187;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)67)) {
    result[0] += 0.12407603;
  } else {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
      result[0] += -0.18549956;
    } else {
      result[0] += 0.057014227;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.300000191)) {
    result[0] += -0.1119099;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)102)) {
      result[0] += 0.10802707;
    } else {
      result[0] += -0.021056551;
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    result[0] += -0.11114287;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)177.30000305)) {
      result[0] += 0.107589334;
    } else {
      result[0] += -0.026683714;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)105)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)93)) {
      result[0] += 0.14934842;
    } else {
      result[0] += -0.044084128;
    }
  } else {
    result[0] += -0.09903013;
  }
  
  // Apply base_scores
  result[0] += -2.197224560779373892;
  
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

