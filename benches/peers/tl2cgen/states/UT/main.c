
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
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)258.79998779)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)224.1000061)) {
        result[0] += -0.28120816;
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)207.80000305)) {
          result[0] += -0.18060201;
        } else {
          result[0] += 0.22009842;
        }
      }
    } else {
      result[0] += 0.25284284;
    }
  } else {
    result[0] += 0.39732447;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)263.3999939)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)249.3999939)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)83)) {
          result[0] += -0.02443704;
        } else {
          result[0] += -0.27268204;
        }
      } else {
        result[0] += 0.1049595;
      }
    } else {
      result[0] += 0.1909515;
    }
  } else {
    result[0] += 0.37924454;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)266.29998779)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)224.1000061)) {
        result[0] += -0.25983152;
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)93)) {
          result[0] += -0.17742033;
        } else {
          result[0] += 0.2338257;
        }
      }
    } else {
      result[0] += 0.14627169;
    }
  } else {
    result[0] += 0.34026912;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)147.69999695)) {
    result[0] += -0.22604899;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)167.5)) {
      result[0] += -0.1292158;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)100)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)87)) {
          result[0] += 0.081329025;
        } else {
          result[0] += -0.17956215;
        }
      } else {
        result[0] += 0.41437945;
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)266.29998779)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)133)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)74)) {
          result[0] += -0.029119752;
        } else {
          result[0] += -0.25338557;
        }
      } else {
        result[0] += 0.08610219;
      }
    } else {
      result[0] += 0.122433715;
    }
  } else {
    result[0] += 0.22561635;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)147.69999695)) {
    result[0] += -0.2059547;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)167.5)) {
      result[0] += -0.11347381;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)100)) {
        result[0] += -0.053576257;
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)103)) {
          result[0] += 0.077422805;
        } else {
          result[0] += 0.33889794;
        }
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)99)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)80)) {
      result[0] += -0.18352398;
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.899999619)) {
        result[0] += 0.033130936;
      } else {
        result[0] += 0.32775047;
      }
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)237)) {
      result[0] += -0.24963297;
    } else {
      result[0] += 0.18889992;
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)93)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
      result[0] += -0.09525792;
    } else {
      result[0] += 0.2514803;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)233.80000305)) {
      result[0] += -0.24925403;
    } else {
      result[0] += 0.17499882;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)266.29998779)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)237)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)91)) {
        result[0] += 0.05157798;
      } else {
        result[0] += -0.22760382;
      }
    } else {
      result[0] += 0.09155579;
    }
  } else {
    result[0] += 0.14659607;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)87)) {
    result[0] += 0.13129415;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)233.80000305)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)98)) {
        result[0] += 0.009197653;
      } else {
        result[0] += -0.21593627;
      }
    } else {
      result[0] += 0.071391664;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)84)) {
    result[0] += -0.13294579;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)99)) {
      result[0] += 0.21851149;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)237)) {
        result[0] += -0.21613617;
      } else {
        result[0] += 0.13530988;
      }
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)93)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
      result[0] += -0.09036795;
    } else {
      result[0] += 0.18699062;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)233.80000305)) {
      result[0] += -0.21909486;
    } else {
      result[0] += 0.10728303;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)84)) {
    result[0] += -0.1155559;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)99)) {
      result[0] += 0.1718356;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)237)) {
        result[0] += -0.20025204;
      } else {
        result[0] += 0.11522503;
      }
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)93)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)99)) {
      result[0] += 0.16657591;
    } else {
      result[0] += -0.065178074;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)233.80000305)) {
      result[0] += -0.20576377;
    } else {
      result[0] += 0.08096209;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)84)) {
    result[0] += -0.11045193;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)237)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)99)) {
        result[0] += 0.09413742;
      } else {
        result[0] += -0.17798056;
      }
    } else {
      result[0] += 0.15892035;
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)93)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)163.69999695)) {
      result[0] += 0.13608271;
    } else {
      result[0] += -0.015621294;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)233.80000305)) {
      result[0] += -0.19292621;
    } else {
      result[0] += 0.060429733;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)103)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)72)) {
      result[0] += 0.04354961;
    } else {
      result[0] += -0.17846613;
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)108)) {
      result[0] += -0.01372905;
    } else {
      result[0] += 0.12125233;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)84)) {
    result[0] += -0.10159634;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)99)) {
      result[0] += 0.12062169;
    } else {
      result[0] += -0.049740475;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)103)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)203)) {
      result[0] += -0.11421277;
    } else {
      result[0] += 0.010718392;
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)106)) {
      result[0] += -0.00022458416;
    } else {
      result[0] += 0.10466341;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)237)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)91)) {
      result[0] += 0.044341024;
    } else {
      result[0] += -0.1294306;
    }
  } else {
    result[0] += 0.0801738;
  }
  
  // Apply base_scores
  result[0] += -1.824549236676409336;
  
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

