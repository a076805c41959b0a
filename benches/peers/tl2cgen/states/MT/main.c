
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
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)97)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)73)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)192)) {
        result[0] += -0.20161356;
      } else {
        result[0] += 0.07817668;
      }
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)111)) {
        result[0] += 0.5658171;
      } else {
        result[0] += 0.05362149;
      }
    }
  } else {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)24)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)116)) {
        result[0] += -0.2893031;
      } else {
        result[0] += -0.06171844;
      }
    } else {
      result[0] += 0.07817668;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)253)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)147)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)148.19999695)) {
          result[0] += -0.047518622;
        } else {
          if ( (data[11].missing != -1) && (data[11].fvalue < (float)249)) {
            result[0] += -0.31790602;
          } else {
            result[0] += -0.04430568;
          }
        }
      } else {
        result[0] += 0.07591646;
      }
    } else {
      result[0] += 0.3598687;
    }
  } else {
    result[0] += 0.6406958;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)258)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)120)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)212.1000061)) {
          result[0] += -0.2930197;
        } else {
          if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
            result[0] += -0.20144258;
          } else {
            result[0] += 0.07349268;
          }
        }
      } else {
        result[0] += 0.06436461;
      }
    } else {
      result[0] += 0.34299132;
    }
  } else {
    result[0] += 0.46156678;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)258)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)147)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)150)) {
          result[0] += -0.03940835;
        } else {
          if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
            result[0] += -0.04173676;
          } else {
            result[0] += -0.27791652;
          }
        }
      } else {
        result[0] += 0.07354538;
      }
    } else {
      result[0] += 0.27331;
    }
  } else {
    result[0] += 0.36584955;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)258)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)120)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)174.1000061)) {
          result[0] += -0.2604346;
        } else {
          if ( (data[11].missing != -1) && (data[11].fvalue < (float)212.1000061)) {
            result[0] += -0.17041913;
          } else {
            result[0] += 0.07722455;
          }
        }
      } else {
        result[0] += 0.07604201;
      }
    } else {
      result[0] += 0.22375761;
    }
  } else {
    result[0] += 0.30613524;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)246.5)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)100)) {
        result[0] += -0.25327408;
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)99)) {
          result[0] += -0.11434068;
        } else {
          result[0] += 0.0902418;
        }
      }
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)187.1000061)) {
        result[0] += -0.066404164;
      } else {
        result[0] += 0.29204294;
      }
    }
  } else {
    result[0] += 0.26456356;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)74)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)85)) {
      result[0] += 0.010623111;
    } else {
      result[0] += -0.21375729;
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)86)) {
      result[0] += -0.1054459;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)89)) {
        result[0] += -0.03408614;
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)197.19999695)) {
          result[0] += 0.05326459;
        } else {
          result[0] += 0.32686165;
        }
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)197.30000305)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)97)) {
        result[0] += -0.013260838;
      } else {
        result[0] += -0.2257227;
      }
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)85)) {
        result[0] += -0.099508725;
      } else {
        result[0] += 0.22909072;
      }
    }
  } else {
    result[0] += 0.22992088;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)258)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)120)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.199999809)) {
          result[0] += -0.022535495;
        } else {
          result[0] += -0.22912644;
        }
      } else {
        result[0] += 0.06729886;
      }
    } else {
      result[0] += 0.1517328;
    }
  } else {
    result[0] += 0.20575474;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)74)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)86)) {
      result[0] += -1.5048673e-05;
    } else {
      result[0] += -0.18251863;
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)87)) {
      result[0] += -0.05457566;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)174.1000061)) {
        result[0] += 0.014335975;
      } else {
        result[0] += 0.20985052;
      }
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)74)) {
    result[0] += -0.10874273;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)106)) {
      result[0] += 0.15426652;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)197.30000305)) {
        result[0] += -0.11750122;
      } else {
        result[0] += 0.12923601;
      }
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)74)) {
    result[0] += -0.091236055;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)117)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
        result[0] += -0.17110538;
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.199999809)) {
          result[0] += 0.1633809;
        } else {
          result[0] += -0.002516651;
        }
      }
    } else {
      result[0] += 0.156738;
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)91)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)205.30000305)) {
      result[0] += 0.17586462;
    } else {
      result[0] += -0.08707017;
    }
  } else {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
      result[0] += -0.15527686;
    } else {
      result[0] += 0.06090765;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)90)) {
    result[0] += -0.095100686;
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)87)) {
        result[0] += 0.1635494;
      } else {
        result[0] += -0.010685509;
      }
    } else {
      result[0] += -0.061983917;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)74)) {
    result[0] += -0.08221585;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)117)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)106)) {
        result[0] += 0.08714199;
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.199999809)) {
          result[0] += 0.0029857794;
        } else {
          result[0] += -0.10586553;
        }
      }
    } else {
      result[0] += 0.12467567;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)248.69999695)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)131.19999695)) {
      result[0] += 0.1078753;
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)124)) {
        result[0] += -0.18884087;
      } else {
        result[0] += 0.06463013;
      }
    }
  } else {
    result[0] += 0.08940164;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)90)) {
    result[0] += -0.08511463;
  } else {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)87)) {
        result[0] += 0.057232916;
      } else {
        result[0] += -0.11543402;
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)206.3999939)) {
        result[0] += -0.035474736;
      } else {
        result[0] += 0.19856597;
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)240.3999939)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)131.19999695)) {
      result[0] += 0.07595597;
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)125)) {
        result[0] += -0.15267007;
      } else {
        result[0] += 0.056649253;
      }
    }
  } else {
    result[0] += 0.09233976;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)246.5)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
        result[0] += -0.13355768;
      } else {
        result[0] += -0.014113044;
      }
    } else {
      result[0] += 0.103020154;
    }
  } else {
    result[0] += 0.07465795;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)90)) {
    result[0] += -0.07776891;
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)103)) {
        result[0] += 0.13565575;
      } else {
        result[0] += -0.011446472;
      }
    } else {
      result[0] += -0.048851706;
    }
  }
  
  // Apply base_scores
  result[0] += -1.349926700865222706;
  
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

