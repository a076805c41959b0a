
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
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.800000191)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)245)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)131.69999695)) {
        result[0] += 0.07690749;
      } else {
        result[0] += -0.2793519;
      }
    } else {
      result[0] += 0.2766919;
    }
  } else {
    result[0] += 0.44239742;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)228.1000061)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)83)) {
        result[0] += -0.020577725;
      } else {
        result[0] += -0.2758055;
      }
    } else {
      result[0] += 0.31139418;
    }
  } else {
    result[0] += 0.38329723;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)242.5)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.5)) {
        result[0] += -0.27504197;
      } else {
        result[0] += -0.032566685;
      }
    } else {
      result[0] += 0.2769114;
    }
  } else {
    result[0] += 0.56321985;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)228.1000061)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)129)) {
        result[0] += -0.26206827;
      } else {
        result[0] += -0.018548781;
      }
    } else {
      result[0] += 0.19859658;
    }
  } else {
    result[0] += 0.38269717;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.6000061)) {
        result[0] += -0.24795626;
      } else {
        result[0] += -0.04266755;
      }
    } else {
      result[0] += 0.19753894;
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)216.8999939)) {
      result[0] += -0.06276644;
    } else {
      result[0] += 0.4290008;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)242.5)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.699999809)) {
        result[0] += -0.23989128;
      } else {
        result[0] += -0.025972033;
      }
    } else {
      result[0] += 0.16597463;
    }
  } else {
    result[0] += 0.2387751;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)95)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)214.69999695)) {
      result[0] += 0.25214663;
    } else {
      result[0] += -0.034826692;
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.399999619)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.3999996185)) {
        result[0] += -0.047557525;
      } else {
        result[0] += -0.24963629;
      }
    } else {
      result[0] += 0.18214512;
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)180.19999695)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)113)) {
        result[0] += -0.04746725;
      } else {
        result[0] += 0.19555148;
      }
    } else {
      result[0] += -0.250186;
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)216.8999939)) {
      result[0] += -0.048325602;
    } else {
      result[0] += 0.2476291;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)228.1000061)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)121)) {
        result[0] += -0.22745813;
      } else {
        result[0] += -0.022779241;
      }
    } else {
      result[0] += 0.12426458;
    }
  } else {
    result[0] += 0.17080972;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)151.5)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)8)) {
      result[0] += 0.27510363;
    } else {
      result[0] += -0.06446003;
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.800000191)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)68)) {
        result[0] += -0.039021946;
      } else {
        result[0] += -0.24250998;
      }
    } else {
      result[0] += 0.15474609;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)95)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
      result[0] += -0.0066153733;
    } else {
      result[0] += 0.1904368;
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.399999619)) {
      result[0] += -0.1860008;
    } else {
      result[0] += 0.10785749;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)151.5)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)128.69999695)) {
      result[0] += 0.014546375;
    } else {
      result[0] += 0.17755392;
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.800000191)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)212.80000305)) {
        result[0] += -0.21092875;
      } else {
        result[0] += -0.04562204;
      }
    } else {
      result[0] += 0.11212922;
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)111)) {
      result[0] += -0.21173878;
    } else {
      result[0] += 0.077217445;
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)244.3999939)) {
      result[0] += -0.005605751;
    } else {
      result[0] += 0.17099918;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)214.69999695)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)163.30000305)) {
      result[0] += -0.09190131;
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)95)) {
        result[0] += 0.24095663;
      } else {
        result[0] += -0.009502754;
      }
    }
  } else {
    result[0] += -0.12514289;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)249.8999939)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)252.3999939)) {
        result[0] += -0.21787588;
      } else {
        result[0] += 0.05328784;
      }
    } else {
      result[0] += 0.12164281;
    }
  } else {
    result[0] += 0.12409721;
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.699999809)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)89)) {
        result[0] += 0.08370014;
      } else {
        result[0] += -0.1660667;
      }
    } else {
      result[0] += 0.2119637;
    }
  } else {
    result[0] += -0.09833331;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)180.19999695)) {
      result[0] += 0.06811306;
    } else {
      result[0] += -0.19715129;
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)244.3999939)) {
      result[0] += -0.0027071652;
    } else {
      result[0] += 0.13795656;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)151.5)) {
    result[0] += 0.09905892;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.800000191)) {
      result[0] += -0.14334053;
    } else {
      result[0] += 0.07010229;
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)180.19999695)) {
      result[0] += 0.049832016;
    } else {
      result[0] += -0.1770598;
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)244.3999939)) {
      result[0] += -0.0016665434;
    } else {
      result[0] += 0.11849574;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)214.69999695)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)151.5)) {
      result[0] += 0.13877654;
    } else {
      result[0] += -0.02826771;
    }
  } else {
    result[0] += -0.09908186;
  }
  
  // Apply base_scores
  result[0] += -2.261763082020425308;
  
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

