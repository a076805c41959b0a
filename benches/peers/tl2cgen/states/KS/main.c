
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
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)243)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)137.80000305)) {
      result[0] += 0.1688132;
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
        result[0] += -0.3172529;
      } else {
        result[0] += 0.102012485;
      }
    }
  } else {
    result[0] += 0.56499;
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)202.5)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)184.30000305)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)123)) {
          result[0] += -0.21528238;
        } else {
          result[0] += -0.039422758;
        }
      } else {
        result[0] += 0.37874216;
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)84)) {
        result[0] += -0.050386596;
      } else {
        result[0] += -0.29163086;
      }
    }
  } else {
    result[0] += 0.50057346;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)243)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)137.80000305)) {
      result[0] += 0.10697599;
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
        result[0] += -0.28277266;
      } else {
        result[0] += 0.072621845;
      }
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)99)) {
      result[0] += 0.3979287;
    } else {
      result[0] += 0.054136045;
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)243)) {
        result[0] += -0.2750145;
      } else {
        result[0] += 0.112990536;
      }
    } else {
      result[0] += 0.11278522;
    }
  } else {
    result[0] += 0.31452313;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)110)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)225.8999939)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)110)) {
        result[0] += -0.20968996;
      } else {
        result[0] += 0.10394627;
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)95)) {
        result[0] += 0.060846098;
      } else {
        result[0] += 0.35744023;
      }
    }
  } else {
    result[0] += -0.24184597;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)267.8999939)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.399999619)) {
      result[0] += -0.2688189;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)202.5)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
          result[0] += 0.30998766;
        } else {
          result[0] += 0.0038068057;
        }
      } else {
        result[0] += -0.13364007;
      }
    }
  } else {
    result[0] += 0.2711759;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)110)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)89)) {
      result[0] += -0.1176136;
    } else {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)222.80000305)) {
          result[0] += 0.08629274;
        } else {
          result[0] += 0.33305284;
        }
      } else {
        result[0] += -0.06354082;
      }
    }
  } else {
    result[0] += -0.21263172;
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)202.5)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)168.30000305)) {
        result[0] += -0.18592203;
      } else {
        result[0] += 0.19218557;
      }
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)115)) {
        result[0] += -0.20943941;
      } else {
        result[0] += -0.054277193;
      }
    }
  } else {
    result[0] += 0.19151123;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)110)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)89)) {
      result[0] += -0.10565873;
    } else {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)222.80000305)) {
          result[0] += 0.063701294;
        } else {
          result[0] += 0.27054355;
        }
      } else {
        result[0] += -0.046005912;
      }
    }
  } else {
    result[0] += -0.1911574;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)110)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)89)) {
      result[0] += -0.088213354;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)97)) {
        result[0] += 0.2483492;
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)99)) {
          result[0] += 0.12004059;
        } else {
          result[0] += -0.113784954;
        }
      }
    }
  } else {
    result[0] += -0.1751162;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)267.8999939)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.300000191)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)137)) {
        result[0] += -0.1928371;
      } else {
        result[0] += 0.06663536;
      }
    } else {
      result[0] += 0.14263196;
    }
  } else {
    result[0] += 0.17279474;
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)94)) {
        result[0] += 0.013938983;
      } else {
        result[0] += -0.20501864;
      }
    } else {
      result[0] += 0.065594085;
    }
  } else {
    result[0] += 0.14789723;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
    result[0] += 0.13343227;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)202.5)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)168.30000305)) {
        result[0] += -0.08068018;
      } else {
        result[0] += 0.15364693;
      }
    } else {
      result[0] += -0.16666067;
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)97)) {
      result[0] += 0.045733307;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)225.8999939)) {
        result[0] += -0.1775513;
      } else {
        result[0] += -0.016973775;
      }
    }
  } else {
    result[0] += 0.12933022;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)90)) {
    result[0] += -0.10651965;
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)99)) {
      result[0] += -0.0775389;
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)92)) {
        result[0] += -0.0051574074;
      } else {
        result[0] += 0.17058693;
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)243)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)137.80000305)) {
      result[0] += 0.065058224;
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
        result[0] += -0.18076429;
      } else {
        result[0] += -0.012285859;
      }
    }
  } else {
    result[0] += 0.10195548;
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)178.8999939)) {
    result[0] += -0.104903355;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)116)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)193.8999939)) {
        result[0] += 0.21562685;
      } else {
        result[0] += 0.032447837;
      }
    } else {
      result[0] += -0.11844824;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)202.5)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
      result[0] += 0.14930528;
    } else {
      result[0] += -0.05368277;
    }
  } else {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
      result[0] += 0.0039458643;
    } else {
      result[0] += -0.11675362;
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)97)) {
      result[0] += 0.04511897;
    } else {
      result[0] += -0.11798663;
    }
  } else {
    result[0] += 0.09626405;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)90)) {
    result[0] += -0.092980094;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)99)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)119)) {
        result[0] += 0.011628192;
      } else {
        result[0] += 0.14881703;
      }
    } else {
      result[0] += -0.047930706;
    }
  }
  
  // Apply base_scores
  result[0] += -1.478101885035006724;
  
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

