
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
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)217.6000061)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
      result[0] += -0.34659553;
    } else {
      result[0] += 0.07406641;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)165.30000305)) {
      result[0] += -0.08140463;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)244.19999695)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)230.8999939)) {
          result[0] += 0.19537114;
        } else {
          result[0] += 0.6901218;
        }
      } else {
        result[0] += 0.018674487;
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)217.6000061)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
      result[0] += -0.31022388;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)101)) {
        result[0] += 0.23967932;
      } else {
        result[0] += -0.11899038;
      }
    }
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)116)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
        result[0] += 0.37339348;
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.8999939)) {
          result[0] += -0.24332936;
        } else {
          result[0] += 0.06959507;
        }
      }
    } else {
      result[0] += 0.49843284;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)201.3999939)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)139.80000305)) {
      result[0] += 0.09073414;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)117)) {
        result[0] += -0.2971401;
      } else {
        result[0] += -0.040742375;
      }
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)174.6000061)) {
      result[0] += -0.0803823;
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
        result[0] += 0.03308995;
      } else {
        result[0] += 0.38245752;
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)217.6000061)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
      result[0] += -0.27236253;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)101)) {
        result[0] += 0.19792303;
      } else {
        result[0] += -0.06845079;
      }
    }
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)116)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)83)) {
        result[0] += 0.2512808;
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)245.19999695)) {
          result[0] += -0.26080662;
        } else {
          result[0] += 0.10644948;
        }
      }
    } else {
      result[0] += 0.36158606;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)201.3999939)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)139.80000305)) {
      result[0] += 0.09969909;
    } else {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
        result[0] += -0.2573514;
      } else {
        result[0] += -0.04080853;
      }
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)174.6000061)) {
      result[0] += -0.06805025;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.8999939)) {
        result[0] += 0.015567761;
      } else {
        result[0] += 0.27257955;
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)79)) {
    result[0] += 0.23414686;
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)117)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)246.5)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)243.3999939)) {
          if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.3999996185)) {
            result[0] += -0.05985647;
          } else {
            result[0] += -0.2899886;
          }
        } else {
          result[0] += -0.015510146;
        }
      } else {
        result[0] += 0.1354299;
      }
    } else {
      result[0] += 0.20108014;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)201.3999939)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
      result[0] += -0.22553803;
    } else {
      result[0] += 0.042616524;
    }
  } else {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
      result[0] += 0.24999723;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)116)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)195.30000305)) {
          result[0] += -0.2077221;
        } else {
          result[0] += 0.034812868;
        }
      } else {
        result[0] += 0.18857506;
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)86)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)208.8999939)) {
      result[0] += 0.0020312194;
    } else {
      result[0] += 0.20087746;
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.5)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)116)) {
        result[0] += -0.2314803;
      } else {
        result[0] += 0.015105813;
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)6)) {
        result[0] += 0.18631765;
      } else {
        result[0] += 0.0117925955;
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)201.3999939)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)150.1000061)) {
      result[0] += 0.07357997;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)227.19999695)) {
        result[0] += -0.20621714;
      } else {
        result[0] += -0.050841622;
      }
    }
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)136)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)92)) {
        result[0] += -0.046816483;
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
          result[0] += 0.080567196;
        } else {
          result[0] += 0.253391;
        }
      }
    } else {
      result[0] += -0.08998393;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)59)) {
    result[0] += 0.16983429;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)86)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
        result[0] += -0.018910639;
      } else {
        result[0] += 0.15947418;
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)124)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.8999939)) {
          result[0] += -0.24266815;
        } else {
          result[0] += -0.05579712;
        }
      } else {
        result[0] += 0.11106133;
      }
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
    result[0] += 0.14580487;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)246.5)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)225.69999695)) {
        result[0] += -0.23347944;
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)216.6000061)) {
          result[0] += 0.065593354;
        } else {
          result[0] += -0.04188018;
        }
      }
    } else {
      result[0] += 0.11465;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)136)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)225.69999695)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
        result[0] += 0.09376646;
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)105)) {
          result[0] += -0.19650553;
        } else {
          result[0] += 0.035719026;
        }
      }
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.399999619)) {
        result[0] += 0.009536991;
      } else {
        result[0] += 0.23637144;
      }
    }
  } else {
    result[0] += -0.12725486;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)204.3999939)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)110)) {
      result[0] += -0.16128398;
    } else {
      result[0] += 0.075932555;
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)86)) {
      result[0] += 0.16993976;
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)105)) {
        result[0] += -0.115160026;
      } else {
        result[0] += 0.05408199;
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)101)) {
      result[0] += 0.05061293;
    } else {
      result[0] += -0.16111809;
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)108)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)84)) {
        result[0] += 0.0687514;
      } else {
        result[0] += -0.108217396;
      }
    } else {
      result[0] += 0.17874017;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)245.19999695)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)128.8999939)) {
      result[0] += 0.105743356;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)246.5)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
          result[0] += -0.009790355;
        } else {
          result[0] += -0.1911245;
        }
      } else {
        result[0] += 0.05007075;
      }
    }
  } else {
    result[0] += 0.12002454;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)59)) {
    result[0] += 0.122860424;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)176.8999939)) {
      result[0] += -0.1666265;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)116)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)83)) {
          result[0] += 0.1033437;
        } else {
          if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.199999809)) {
            result[0] += -0.17562915;
          } else {
            result[0] += -0.032250714;
          }
        }
      } else {
        result[0] += 0.14635918;
      }
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)136)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)225.69999695)) {
      if ( (data[4].missing != -1) && (data[4].fvalue < (float)22)) {
        result[0] += -0.103083044;
      } else {
        result[0] += 0.06626618;
      }
    } else {
      result[0] += 0.13998045;
    }
  } else {
    result[0] += -0.10330339;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)204.3999939)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)105)) {
      result[0] += -0.14640436;
    } else {
      result[0] += 0.024479803;
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)86)) {
      result[0] += 0.12643737;
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.800000191)) {
        result[0] += -0.062934585;
      } else {
        result[0] += 0.03814446;
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)101)) {
      result[0] += 0.028085845;
    } else {
      result[0] += -0.1333865;
    }
  } else {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      result[0] += 0.13343671;
    } else {
      result[0] += -0.046789967;
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
    result[0] += 0.08898079;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.899999619)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
        result[0] += -0.1842526;
      } else {
        result[0] += 0.00568882;
      }
    } else {
      result[0] += 0.07609767;
    }
  }
  
  // Apply base_scores
  result[0] += -1.02165117547658979;
  
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

