
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
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)224.69999695)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)101)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)91)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)103)) {
          result[0] += -0.04996101;
        } else {
          result[0] += -0.20170307;
        }
      } else {
        result[0] += 0.32802215;
      }
    } else {
      result[0] += -0.2879609;
    }
  } else {
    result[0] += 0.48754534;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)253.19999695)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)152.19999695)) {
        result[0] += -0.036222048;
      } else {
        result[0] += -0.30361807;
      }
    } else {
      result[0] += 0.43799412;
    }
  } else {
    result[0] += 0.4955471;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)264.79998779)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)157)) {
        result[0] += -0.03887918;
      } else {
        result[0] += -0.2875125;
      }
    } else {
      result[0] += 0.3113413;
    }
  } else {
    result[0] += 0.4535802;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)264.79998779)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      if ( (data[4].missing != -1) && (data[4].fvalue < (float)27)) {
        result[0] += -0.26734474;
      } else {
        result[0] += -0.032196812;
      }
    } else {
      result[0] += 0.23334184;
    }
  } else {
    result[0] += 0.3602065;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)264.79998779)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)160.80000305)) {
        result[0] += -0.023614451;
      } else {
        result[0] += -0.24873392;
      }
    } else {
      result[0] += 0.18043807;
    }
  } else {
    result[0] += 0.30091298;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)264.79998779)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)142)) {
      result[0] += 0.22544813;
    } else {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
        result[0] += -0.24330314;
      } else {
        result[0] += 0.031204758;
      }
    }
  } else {
    result[0] += 0.2595166;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)101)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)104)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)93)) {
        result[0] += 0.039589122;
      } else {
        result[0] += -0.09786;
      }
    } else {
      result[0] += 0.30267012;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)220.3999939)) {
      result[0] += -0.19761297;
    } else {
      result[0] += 0.020668406;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)264.79998779)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)138.1000061)) {
      result[0] += 0.18857712;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)175.3999939)) {
        result[0] += 0.034174655;
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)214.8999939)) {
          result[0] += -0.2605325;
        } else {
          result[0] += -0.04396459;
        }
      }
    }
  } else {
    result[0] += 0.22008593;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)101)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)184.80000305)) {
      result[0] += 0.20927759;
    } else {
      result[0] += -0.064113036;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)220.3999939)) {
      result[0] += -0.17165439;
    } else {
      result[0] += 0.011929201;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)253.19999695)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.1000003815)) {
        result[0] += -0.035546865;
      } else {
        result[0] += -0.19741766;
      }
    } else {
      result[0] += 0.10822286;
    }
  } else {
    result[0] += 0.16337295;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)73)) {
    result[0] += 0.13142939;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)112)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)93)) {
        result[0] += -0.005677468;
      } else {
        result[0] += -0.22980678;
      }
    } else {
      result[0] += 0.10742017;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)101)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      result[0] += -0.039382786;
    } else {
      result[0] += 0.18865867;
    }
  } else {
    result[0] += -0.10608462;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)73)) {
    result[0] += 0.10600701;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)112)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)94)) {
        result[0] += -0.008109272;
      } else {
        result[0] += -0.20591322;
      }
    } else {
      result[0] += 0.09054337;
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)91)) {
    result[0] += 0.106848314;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)115)) {
      result[0] += -0.1555824;
    } else {
      result[0] += 0.0687392;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)101)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)73)) {
      result[0] += 0.17421855;
    } else {
      result[0] += -0.041436486;
    }
  } else {
    result[0] += -0.09248599;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)224.69999695)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      result[0] += -0.19174545;
    } else {
      result[0] += 0.11481774;
    }
  } else {
    result[0] += 0.08993044;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.6999998093)) {
        result[0] += 0.13584423;
      } else {
        result[0] += 0.034090817;
      }
    } else {
      result[0] += -0.06489879;
    }
  } else {
    result[0] += -0.09816217;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)101)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)184.80000305)) {
      result[0] += 0.13099913;
    } else {
      result[0] += -0.051865492;
    }
  } else {
    result[0] += -0.077580184;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)224.69999695)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      result[0] += -0.17678063;
    } else {
      result[0] += 0.09098365;
    }
  } else {
    result[0] += 0.08019748;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)239.19999695)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)91)) {
      result[0] += 0.06996383;
    } else {
      result[0] += -0.115866475;
    }
  } else {
    result[0] += 0.08928747;
  }
  
  // Apply base_scores
  result[0] += -1.591088739523336848;
  
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

