
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
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)245.69999695)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)135.19999695)) {
      result[0] += 0.07935712;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)113)) {
        result[0] += -0.28247556;
      } else {
        result[0] += -0.018567229;
      }
    }
  } else {
    result[0] += 0.7247788;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)223.30000305)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.800000191)) {
      result[0] += -0.27179885;
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)98)) {
        result[0] += -0.042079255;
      } else {
        result[0] += 0.123944215;
      }
    }
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)93)) {
      result[0] += 0.07460011;
    } else {
      result[0] += 0.55546206;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)223.30000305)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.800000191)) {
      result[0] += -0.25255024;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)105)) {
        result[0] += -0.051451158;
      } else {
        result[0] += 0.123675294;
      }
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)197.30000305)) {
      result[0] += 0.048426;
    } else {
      result[0] += 0.40730408;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)245.69999695)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)135.19999695)) {
      result[0] += 0.088604115;
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)95)) {
        result[0] += 0.014041081;
      } else {
        result[0] += -0.2487344;
      }
    }
  } else {
    result[0] += 0.28695136;
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)25)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)167.1000061)) {
      result[0] += -0.21340121;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)220.1000061)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.800000191)) {
          result[0] += -0.16168655;
        } else {
          result[0] += 0.1767396;
        }
      } else {
        result[0] += 0.3936558;
      }
    }
  } else {
    result[0] += -0.22628945;
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)25)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)167.1000061)) {
      result[0] += -0.19423202;
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)94)) {
        result[0] += -0.07963857;
      } else {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)90)) {
          result[0] += 0.0124523705;
        } else {
          result[0] += 0.36742553;
        }
      }
    }
  } else {
    result[0] += -0.20694193;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)223.30000305)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.800000191)) {
      result[0] += -0.2110638;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)105)) {
        result[0] += -0.061329033;
      } else {
        result[0] += 0.113278575;
      }
    }
  } else {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)1)) {
      result[0] += 0.27405474;
    } else {
      result[0] += -0.020935364;
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)25)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)107)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)99)) {
        result[0] += -0.2008188;
      } else {
        result[0] += 0.08972733;
      }
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.699999809)) {
        result[0] += -0.0046952423;
      } else {
        result[0] += 0.29930875;
      }
    }
  } else {
    result[0] += -0.18576859;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)245.69999695)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
      result[0] += -0.18963793;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)203.3999939)) {
        result[0] += 0.14058262;
      } else {
        result[0] += -0.11050265;
      }
    }
  } else {
    result[0] += 0.13872926;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)223.30000305)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)169.5)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)215.6000061)) {
        result[0] += 0.1124601;
      } else {
        result[0] += -0.060622845;
      }
    } else {
      result[0] += -0.19136351;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)197.30000305)) {
      result[0] += -0.05013172;
    } else {
      result[0] += 0.18816675;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)199.19999695)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)199)) {
      result[0] += -0.17529745;
    } else {
      result[0] += 0.008770897;
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)96)) {
      result[0] += -0.098698646;
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.800000191)) {
        result[0] += -0.026688622;
      } else {
        result[0] += 0.22601819;
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)1)) {
    result[0] += 0.09320097;
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)120)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)214.5)) {
        result[0] += -0.2238533;
      } else {
        result[0] += 0.009780053;
      }
    } else {
      result[0] += 0.11586784;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)94)) {
    result[0] += -0.11533858;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)199.19999695)) {
      result[0] += -0.10789419;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)100)) {
        result[0] += 0.001131566;
      } else {
        result[0] += 0.15952782;
      }
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)246.80000305)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)203)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)105)) {
        result[0] += -0.123980224;
      } else {
        result[0] += -0.0003737282;
      }
    } else {
      result[0] += 0.17864834;
    }
  } else {
    result[0] += -0.12089557;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)245.69999695)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)203.3999939)) {
      result[0] += 0.03671515;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)240.8999939)) {
        result[0] += -0.16997658;
      } else {
        result[0] += -0.031572796;
      }
    }
  } else {
    result[0] += 0.095320776;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)172.30000305)) {
    result[0] += -0.11263763;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)97)) {
      result[0] += -0.080957;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)220.30000305)) {
        result[0] += 0.19978929;
      } else {
        result[0] += -0.016366411;
      }
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)199.19999695)) {
    result[0] += -0.0975435;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)101)) {
      result[0] += -0.06446851;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)106)) {
        result[0] += 0.14910789;
      } else {
        result[0] += 0.013632175;
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)245.69999695)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)6)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)119)) {
        result[0] += -0.18300013;
      } else {
        result[0] += 0.039976973;
      }
    } else {
      result[0] += 0.049101476;
    }
  } else {
    result[0] += 0.07969535;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)203)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)105)) {
      result[0] += -0.1210366;
    } else {
      result[0] += 0.009888301;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)246.80000305)) {
      result[0] += 0.14366563;
    } else {
      result[0] += -0.09147682;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)199.19999695)) {
    result[0] += -0.08713924;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)101)) {
      result[0] += -0.052047182;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)241.3999939)) {
        result[0] += 0.014218386;
      } else {
        result[0] += 0.12543072;
      }
    }
  }
  
  // Apply base_scores
  result[0] += -1.91692254723053046;
  
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

