
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
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)203.19999695)) {
    result[0] += -0.29252225;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)96)) {
      result[0] += -0.13090587;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)98)) {
        result[0] += -0.04232368;
      } else {
        result[0] += 0.7489314;
      }
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)161)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)241.5)) {
        result[0] += -0.2917315;
      } else {
        result[0] += 0.069768555;
      }
    } else {
      result[0] += 0.14660715;
    }
  } else {
    result[0] += 0.38490587;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)203.19999695)) {
    result[0] += -0.26445782;
  } else {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)221.5)) {
        result[0] += 0.25658187;
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)235.1000061)) {
          result[0] += -0.0341743;
        } else {
          result[0] += -0.20172252;
        }
      }
    } else {
      result[0] += 0.41221285;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)203.19999695)) {
    result[0] += -0.24420603;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)96)) {
      result[0] += -0.09493666;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)212.30000305)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)107)) {
          result[0] += -0.19630854;
        } else {
          result[0] += 0.2469092;
        }
      } else {
        result[0] += 0.42664847;
      }
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)209.6000061)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.300000191)) {
      result[0] += -0.24292618;
    } else {
      result[0] += -0.046527937;
    }
  } else {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)207)) {
        result[0] += -0.21879026;
      } else {
        result[0] += 0.22147015;
      }
    } else {
      result[0] += 0.34508288;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)209.6000061)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)116)) {
      result[0] += -0.22224055;
    } else {
      result[0] += -0.04171823;
    }
  } else {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)207)) {
        result[0] += -0.19999374;
      } else {
        result[0] += 0.17204931;
      }
    } else {
      result[0] += 0.29254308;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)203.19999695)) {
    result[0] += -0.20108607;
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)95)) {
      result[0] += -0.08981993;
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)109)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)221.5)) {
          result[0] += 0.3215267;
        } else {
          result[0] += 0.06448673;
        }
      } else {
        result[0] += -0.022891117;
      }
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)203.19999695)) {
    result[0] += -0.18548025;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)233.69999695)) {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)113)) {
          result[0] += -0.20591493;
        } else {
          result[0] += 0.029758668;
        }
      } else {
        result[0] += 0.15867728;
      }
    } else {
      result[0] += 0.22765313;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)209.6000061)) {
    result[0] += -0.1485038;
  } else {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)207)) {
        result[0] += -0.17416395;
      } else {
        result[0] += 0.100355506;
      }
    } else {
      result[0] += 0.23699458;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)203.19999695)) {
    result[0] += -0.15941343;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.6999998093)) {
      result[0] += -0.065306224;
    } else {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
        result[0] += 0.034143884;
      } else {
        result[0] += 0.21167971;
      }
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
    result[0] += 0.10822027;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)130)) {
      result[0] += -0.18417731;
    } else {
      result[0] += 0.08809219;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)241.5)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)109)) {
        result[0] += -0.20620006;
      } else {
        result[0] += 0.030774364;
      }
    } else {
      result[0] += 0.072881944;
    }
  } else {
    result[0] += 0.12171765;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.6999998093)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)109)) {
      result[0] += -0.14445084;
    } else {
      result[0] += 0.015098855;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)176.6000061)) {
      result[0] += 0.14196403;
    } else {
      result[0] += -0.0007912564;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)209.6000061)) {
    result[0] += -0.10922551;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)233.69999695)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)236.30000305)) {
        result[0] += -0.10726804;
      } else {
        result[0] += 0.05816144;
      }
    } else {
      result[0] += 0.1835343;
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)95)) {
    result[0] += -0.1120819;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)109)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)101)) {
        result[0] += 0.016479416;
      } else {
        result[0] += 0.17687385;
      }
    } else {
      result[0] += -0.07264715;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.3000001907)) {
    result[0] += -0.092740655;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)108)) {
      result[0] += -0.025177455;
    } else {
      result[0] += 0.14182708;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)241.5)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)216.19999695)) {
      result[0] += -0.11515386;
    } else {
      result[0] += 0.057483356;
    }
  } else {
    result[0] += 0.09958059;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)209.6000061)) {
    result[0] += -0.096528664;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)180)) {
      result[0] += 0.11052428;
    } else {
      result[0] += -0.0032412102;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)96)) {
    result[0] += -0.09208308;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)215.3999939)) {
      result[0] += -0.08602124;
    } else {
      result[0] += 0.14158088;
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)95)) {
    result[0] += -0.09783728;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.699999809)) {
      result[0] += -0.03152349;
    } else {
      result[0] += 0.124482594;
    }
  }
  
  // Apply base_scores
  result[0] += -1.645155956250382578;
  
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

