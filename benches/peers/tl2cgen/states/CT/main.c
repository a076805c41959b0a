
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
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)225.30000305)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.09672565;
    } else {
      if ( (data[4].missing != -1) && (data[4].fvalue < (float)32)) {
        result[0] += -0.29865474;
      } else {
        result[0] += -0.042737134;
      }
    }
  } else {
    result[0] += 0.51093215;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)234.8999939)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)155.30000305)) {
        result[0] += 0.06806898;
      } else {
        result[0] += -0.29920176;
      }
    } else {
      result[0] += 0.25610015;
    }
  } else {
    result[0] += 0.38028222;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)162.30000305)) {
    result[0] += -0.25704896;
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)87)) {
        result[0] += -0.087294124;
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)221.80000305)) {
          result[0] += 0.13285598;
        } else {
          result[0] += 0.4898671;
        }
      }
    } else {
      result[0] += -0.14612903;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)162.30000305)) {
    result[0] += -0.23680198;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)162)) {
      result[0] += 0.3776088;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)232.5)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)203.80000305)) {
          result[0] += -0.05070668;
        } else {
          result[0] += -0.23967014;
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)252.19999695)) {
          result[0] += 0.22270547;
        } else {
          result[0] += 0.04192616;
        }
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)240)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.899999619)) {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)116)) {
          result[0] += -0.27166697;
        } else {
          result[0] += -0.022487415;
        }
      } else {
        result[0] += 0.07548732;
      }
    } else {
      result[0] += 0.20650956;
    }
  } else {
    result[0] += 0.2221487;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)162.30000305)) {
    result[0] += -0.20908596;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)84)) {
      result[0] += 0.2658983;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)162)) {
        result[0] += 0.23179512;
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)115)) {
          result[0] += -0.25273576;
        } else {
          result[0] += 0.06927207;
        }
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)162.30000305)) {
    result[0] += -0.1926336;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.699999809)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.399999619)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)175)) {
          result[0] += -0.13292964;
        } else {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)205.1000061)) {
            result[0] += 0.3450697;
          } else {
            result[0] += 0.007302819;
          }
        }
      } else {
        result[0] += -0.16332592;
      }
    } else {
      result[0] += 0.26586774;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)240)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)118)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)159.6000061)) {
        result[0] += 0.06511972;
      } else {
        result[0] += -0.24153171;
      }
    } else {
      result[0] += 0.10249784;
    }
  } else {
    result[0] += 0.16294132;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)162.30000305)) {
    result[0] += -0.16991094;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)175)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)114)) {
        result[0] += -0.13777333;
      } else {
        result[0] += 0.032412738;
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
        result[0] += 0.2681316;
      } else {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)98)) {
          result[0] += 0.14458786;
        } else {
          result[0] += -0.19026975;
        }
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.699999809)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)240)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)90)) {
        result[0] += 0.055066206;
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)225.1000061)) {
          result[0] += -0.22613683;
        } else {
          result[0] += -0.06267649;
        }
      }
    } else {
      result[0] += 0.10012627;
    }
  } else {
    result[0] += 0.15886828;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)87)) {
    result[0] += -0.13491644;
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)186.69999695)) {
        result[0] += -0.08702071;
      } else {
        result[0] += 0.20071179;
      }
    } else {
      result[0] += -0.09649988;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)155.30000305)) {
    result[0] += 0.120273896;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)84)) {
      result[0] += 0.086334035;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)111)) {
        result[0] += -0.21748081;
      } else {
        result[0] += 0.0104130525;
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.699999809)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)240)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)90)) {
        result[0] += 0.050015256;
      } else {
        result[0] += -0.18152964;
      }
    } else {
      result[0] += 0.079913415;
    }
  } else {
    result[0] += 0.12478637;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)162)) {
    result[0] += 0.097454734;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)84)) {
      result[0] += 0.07429475;
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)101)) {
        result[0] += -0.20200059;
      } else {
        result[0] += -0.0007065293;
      }
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)176)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)115)) {
      result[0] += -0.13235945;
    } else {
      result[0] += -0.009935572;
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.1688797;
    } else {
      result[0] += -0.059388835;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)172.69999695)) {
    result[0] += -0.10549357;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)106)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)84)) {
        result[0] += 0.066801935;
      } else {
        result[0] += -0.13787362;
      }
    } else {
      result[0] += 0.13092598;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)162)) {
    result[0] += 0.08226869;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)232.5)) {
      result[0] += -0.14868699;
    } else {
      result[0] += 0.041620657;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)176)) {
    result[0] += -0.0835719;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)189.30000305)) {
      result[0] += 0.13281488;
    } else {
      result[0] += -0.05341471;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)240)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)118)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)159.6000061)) {
        result[0] += 0.0289731;
      } else {
        result[0] += -0.18455565;
      }
    } else {
      result[0] += 0.058529206;
    }
  } else {
    result[0] += 0.08529829;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)172.69999695)) {
    result[0] += -0.09560854;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)106)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)84)) {
        result[0] += 0.05952654;
      } else {
        result[0] += -0.11842998;
      }
    } else {
      result[0] += 0.10881844;
    }
  }
  
  // Apply base_scores
  result[0] += -1.642227788612863115;
  
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

