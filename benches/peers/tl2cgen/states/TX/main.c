
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
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)213.1000061)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)203.5)) {
        result[0] += -0.34434783;
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)110)) {
          result[0] += 0.21176472;
        } else {
          result[0] += -0.07058824;
        }
      }
    } else {
      result[0] += 0.21176472;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)196.3999939)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)106)) {
        result[0] += 0.21176472;
      } else {
        result[0] += -0.097297296;
      }
    } else {
      result[0] += 0.6;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)213.1000061)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)203.5)) {
        result[0] += -0.31007925;
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)224.3999939)) {
          result[0] += 0.23851389;
        } else {
          result[0] += -0.09948785;
        }
      }
    } else {
      result[0] += 0.16734862;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)222.3999939)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)235.3999939)) {
        result[0] += 0.294151;
      } else {
        result[0] += -0.1465867;
      }
    } else {
      result[0] += 0.4645672;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)213.1000061)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)105)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
        result[0] += -0.23466225;
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)172.8999939)) {
          result[0] += -0.09732124;
        } else {
          if ( (data[9].missing != -1) && (data[9].fvalue < (float)105)) {
            result[0] += 0.04250738;
          } else {
            result[0] += 0.33943433;
          }
        }
      }
    } else {
      result[0] += -0.266182;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)222.3999939)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)235.3999939)) {
        result[0] += 0.230004;
      } else {
        result[0] += -0.12544076;
      }
    } else {
      result[0] += 0.3661912;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)118)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)85)) {
      result[0] += 0.40743035;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)155)) {
        result[0] += -0.22746712;
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.8000001907)) {
          if ( (data[0].missing != -1) && (data[0].fvalue < (float)82)) {
            result[0] += 0.04704415;
          } else {
            result[0] += -0.21899962;
          }
        } else {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)174.8999939)) {
            result[0] += 0.0007339703;
          } else {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)194.5)) {
              result[0] += 0.07593307;
            } else {
              result[0] += 0.36607492;
            }
          }
        }
      }
    }
  } else {
    result[0] += -0.25933585;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)118)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)110)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)104)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
          result[0] += -0.25226173;
        } else {
          result[0] += 0.037234116;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)86)) {
          result[0] += 0.265624;
        } else {
          if ( (data[11].missing != -1) && (data[11].fvalue < (float)226.3999939)) {
            result[0] += -0.1317266;
          } else {
            result[0] += 0.08508074;
          }
        }
      }
    } else {
      result[0] += 0.29007453;
    }
  } else {
    result[0] += -0.23381217;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.8000001907)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)79)) {
      result[0] += 0.08548307;
    } else {
      result[0] += -0.21993627;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)169)) {
      result[0] += -0.21958464;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)174.8999939)) {
        result[0] += 0.003182504;
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)103)) {
          result[0] += 0.4075891;
        } else {
          result[0] += 0.10077611;
        }
      }
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)85)) {
    result[0] += 0.20711806;
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)104)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.399999619)) {
        result[0] += -0.25352857;
      } else {
        result[0] += 0.019174581;
      }
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)217.19999695)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)64)) {
          result[0] += 0.17028427;
        } else {
          result[0] += -0.17782907;
        }
      } else {
        result[0] += 0.22107801;
      }
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)118)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)104)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)203.5)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)87)) {
          result[0] += -0.05487104;
        } else {
          result[0] += -0.21847661;
        }
      } else {
        result[0] += 0.14733632;
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
        result[0] += 0.025511637;
      } else {
        result[0] += 0.24026453;
      }
    }
  } else {
    result[0] += -0.19717835;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)213.1000061)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)249.19999695)) {
        result[0] += -0.22291617;
      } else {
        result[0] += 0.06315897;
      }
    } else {
      result[0] += 0.13661796;
    }
  } else {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
      result[0] += -0.007094821;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)236.6000061)) {
        result[0] += 0.26145214;
      } else {
        result[0] += 0.006935512;
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.8000001907)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)79)) {
      result[0] += 0.051725224;
    } else {
      result[0] += -0.17918223;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)169)) {
      result[0] += -0.17830878;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)174.8999939)) {
        result[0] += 0.0041992627;
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)103)) {
          result[0] += 0.29007554;
        } else {
          result[0] += 0.07424185;
        }
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)251.30000305)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)104)) {
        result[0] += -0.19511402;
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)92)) {
          result[0] += 0.123955265;
        } else {
          result[0] += -0.120018184;
        }
      }
    } else {
      result[0] += 0.12791929;
    }
  } else {
    result[0] += 0.1406233;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)85)) {
    result[0] += 0.15261278;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.8000001907)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)188.80000305)) {
        result[0] += -0.026983941;
      } else {
        result[0] += -0.18254699;
      }
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)172.8999939)) {
        result[0] += -0.12560855;
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)13)) {
          result[0] += 0.17683567;
        } else {
          result[0] += -0.016138237;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)171.19999695)) {
      result[0] += -0.06536787;
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.6000003815)) {
        result[0] += -0.047098212;
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)174.8999939)) {
          result[0] += 0.0368893;
        } else {
          result[0] += 0.20489094;
        }
      }
    }
  } else {
    result[0] += -0.11689141;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)85)) {
    result[0] += 0.13050604;
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)104)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.399999619)) {
        result[0] += -0.19021481;
      } else {
        result[0] += 0.00947614;
      }
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)107)) {
        result[0] += 0.15913613;
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)82)) {
          result[0] += 0.04322491;
        } else {
          result[0] += -0.11569222;
        }
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
    result[0] += -0.09893271;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)105)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)159.6000061)) {
        result[0] += 0.0051893448;
      } else {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)102)) {
          result[0] += 0.18985161;
        } else {
          result[0] += 0.045811027;
        }
      }
    } else {
      result[0] += -0.08426365;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)197.1000061)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
      result[0] += -0.17603916;
    } else {
      result[0] += 0.028598038;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)203.30000305)) {
      result[0] += -0.039731313;
    } else {
      result[0] += 0.18180592;
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
    result[0] += -0.09211668;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)105)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)83)) {
        result[0] += 0.016312787;
      } else {
        result[0] += 0.14064074;
      }
    } else {
      result[0] += -0.071083024;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)213.1000061)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)103)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
        result[0] += -0.06525045;
      } else {
        result[0] += 0.067319885;
      }
    } else {
      result[0] += -0.123263635;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)236.6000061)) {
      result[0] += 0.13886699;
    } else {
      result[0] += -0.009142974;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)197.1000061)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)183.19999695)) {
      result[0] += 0.03537264;
    } else {
      result[0] += -0.12721473;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)203.30000305)) {
      result[0] += -0.03825961;
    } else {
      result[0] += 0.15904655;
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)85)) {
    result[0] += 0.10853663;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)189.69999695)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)104)) {
        result[0] += -0.05152967;
      } else {
        result[0] += 0.10467278;
      }
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)226.69999695)) {
        result[0] += -0.17172886;
      } else {
        result[0] += 0.010194108;
      }
    }
  }
  
  // Apply base_scores
  result[0] += -1.098612288668109782;
  
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

