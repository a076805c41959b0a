
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
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)170.3999939)) {
      result[0] += 0.23195876;
    } else {
      result[0] += -0.27592427;
    }
  } else {
    result[0] += 0.30187207;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)223.5)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)170.3999939)) {
      result[0] += 0.24418943;
    } else {
      result[0] += -0.27145186;
    }
  } else {
    result[0] += 0.26164892;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.199999809)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)93)) {
      result[0] += 0.36401024;
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)103)) {
        result[0] += 0.1569757;
      } else {
        result[0] += -0.21418935;
      }
    }
  } else {
    result[0] += -0.23512179;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)170.3999939)) {
      result[0] += 0.10341017;
    } else {
      result[0] += -0.24450712;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)223.8999939)) {
      result[0] += -0.05638447;
    } else {
      result[0] += 0.36997622;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.199999809)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.3748175;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)226.30000305)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)168.6000061)) {
          result[0] += -0.026312746;
        } else {
          result[0] += -0.21909927;
        }
      } else {
        result[0] += 0.1845612;
      }
    }
  } else {
    result[0] += -0.20985726;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.199999809)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.284901;
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)105)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)104)) {
          result[0] += -0.06052753;
        } else {
          result[0] += 0.2157574;
        }
      } else {
        result[0] += -0.20417352;
      }
    }
  } else {
    result[0] += -0.19222602;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)170.3999939)) {
      result[0] += 0.08506158;
    } else {
      result[0] += -0.21909961;
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)93)) {
      result[0] += 0.28983414;
    } else {
      result[0] += -0.0767785;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.199999809)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.21060881;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)226.30000305)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.1999998093)) {
          result[0] += -0.1875527;
        } else {
          result[0] += -0.027882686;
        }
      } else {
        result[0] += 0.14117336;
      }
    }
  } else {
    result[0] += -0.16793211;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)105)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
      result[0] += -0.040989444;
    } else {
      result[0] += 0.20505221;
    }
  } else {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)24)) {
      result[0] += -0.18830745;
    } else {
      result[0] += 0.03177555;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)170.3999939)) {
    result[0] += 0.119846225;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)223.5)) {
      result[0] += -0.2078652;
    } else {
      result[0] += 0.07694389;
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
    result[0] += 0.10984007;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)105)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)226.30000305)) {
        result[0] += -0.07622037;
      } else {
        result[0] += 0.13934335;
      }
    } else {
      result[0] += -0.18749249;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)152)) {
    result[0] += 0.12906013;
  } else {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
      result[0] += -0.14783143;
    } else {
      result[0] += 0.050725173;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)105)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)91)) {
      result[0] += -0.050702993;
    } else {
      result[0] += 0.16642006;
    }
  } else {
    result[0] += -0.09284721;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
    result[0] += 0.100737385;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)109)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)214)) {
        result[0] += -0.17372163;
      } else {
        result[0] += -0.02457885;
      }
    } else {
      result[0] += 0.06488312;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)167.1000061)) {
    result[0] += -0.105868526;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)103)) {
      result[0] += 0.14571343;
    } else {
      result[0] += -0.07354701;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.600000381)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)190.30000305)) {
      result[0] += 0.1098267;
    } else {
      result[0] += -0.048017535;
    }
  } else {
    result[0] += -0.11161103;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)87)) {
    result[0] += 0.09668636;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)105)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)106)) {
        result[0] += -0.04521411;
      } else {
        result[0] += 0.12484352;
      }
    } else {
      result[0] += -0.18580706;
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)196)) {
      result[0] += 0.057895407;
    } else {
      result[0] += -0.18333127;
    }
  } else {
    result[0] += 0.07516488;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)152)) {
    result[0] += 0.089437;
  } else {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
      result[0] += -0.13003172;
    } else {
      result[0] += 0.03964559;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)89)) {
    result[0] += 0.07092361;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)189.80000305)) {
      result[0] += -0.16846463;
    } else {
      result[0] += 0.04704781;
    }
  }
  
  // Apply base_scores
  result[0] += -1.871802116723826348;
  
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

