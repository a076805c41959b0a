
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
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)119)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)184.69999695)) {
      result[0] += -0.2745234;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)175.69999695)) {
        result[0] += -0.17873621;
      } else {
        result[0] += 0.264;
      }
    }
  } else {
    result[0] += 0.4181507;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)121)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
      result[0] += -0.26516423;
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)7)) {
        result[0] += 0.2639216;
      } else {
        result[0] += -0.17624241;
      }
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)197.80000305)) {
      result[0] += -0.07587705;
    } else {
      result[0] += 0.5253222;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)119)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)184.69999695)) {
      result[0] += -0.24365054;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)95)) {
        result[0] += 0.22913948;
      } else {
        result[0] += -0.11712817;
      }
    }
  } else {
    result[0] += 0.259863;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)177.30000305)) {
      result[0] += -0.17439944;
    } else {
      result[0] += 0.40968952;
    }
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)76)) {
      result[0] += 0.1913581;
    } else {
      result[0] += -0.27071276;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)77)) {
    result[0] += -0.2237715;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)119)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)184.69999695)) {
        result[0] += -0.19389202;
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)95)) {
          result[0] += 0.1776111;
        } else {
          result[0] += -0.059259433;
        }
      }
    } else {
      result[0] += 0.3574245;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)257.1000061)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)180)) {
      result[0] += 0.1602931;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)248.80000305)) {
        result[0] += -0.25137323;
      } else {
        result[0] += -0.033721514;
      }
    }
  } else {
    result[0] += 0.20950088;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)177.30000305)) {
    result[0] += -0.20172329;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)76)) {
      result[0] += -0.17232303;
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
        result[0] += 0.30789408;
      } else {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)82)) {
          result[0] += 0.16735867;
        } else {
          result[0] += -0.16810608;
        }
      }
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)177.30000305)) {
    result[0] += -0.18510173;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)189.19999695)) {
      result[0] += 0.25767326;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)239.5)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
          result[0] += 0.005119688;
        } else {
          result[0] += -0.20439267;
        }
      } else {
        result[0] += 0.15592815;
      }
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)77)) {
    result[0] += -0.17449017;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)119)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)184.69999695)) {
        result[0] += -0.16309662;
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)221.6000061)) {
          result[0] += 0.015711028;
        } else {
          result[0] += 0.07148628;
        }
      }
    } else {
      result[0] += 0.21023403;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)177.30000305)) {
    result[0] += -0.16519728;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.19999695)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)180)) {
        result[0] += 0.116160154;
      } else {
        result[0] += -0.14150198;
      }
    } else {
      result[0] += 0.21420869;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)239.5)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)95)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
        result[0] += 0.15752886;
      } else {
        result[0] += -0.09903742;
      }
    } else {
      result[0] += -0.1976281;
    }
  } else {
    result[0] += 0.13208579;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)92)) {
    result[0] += -0.11986118;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.5)) {
      result[0] += -0.116627164;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)85)) {
        result[0] += 0.19948405;
      } else {
        result[0] += 0.051083;
      }
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)121)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)76)) {
      result[0] += 0.10603404;
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)79)) {
        result[0] += 0.022055104;
      } else {
        result[0] += -0.19761091;
      }
    }
  } else {
    result[0] += 0.112711504;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)92)) {
    result[0] += -0.10229788;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.5)) {
      result[0] += -0.09774858;
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
        result[0] += 0.1704842;
      } else {
        result[0] += 0.033040255;
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
    result[0] += 0.08025943;
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)82)) {
      result[0] += 0.051843587;
    } else {
      result[0] += -0.17077906;
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
    result[0] += 0.06375154;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)96)) {
      result[0] += -0.11728244;
    } else {
      result[0] += 0.019270541;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)119)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)197.80000305)) {
      result[0] += -0.118201055;
    } else {
      result[0] += 0.042845115;
    }
  } else {
    result[0] += 0.08065463;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)239.5)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)79)) {
      result[0] += 0.06268984;
    } else {
      result[0] += -0.11284412;
    }
  } else {
    result[0] += 0.087354034;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)121)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)216.5)) {
      result[0] += -0.11509691;
    } else {
      result[0] += 0.029777883;
    }
  } else {
    result[0] += 0.06957393;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)119)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
      result[0] += -0.111775264;
    } else {
      result[0] += 0.031602927;
    }
  } else {
    result[0] += 0.075110875;
  }
  
  // Apply base_scores
  result[0] += -1.845826655990378873;
  
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

