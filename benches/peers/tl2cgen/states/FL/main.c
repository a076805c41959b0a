
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
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)226.19999695)) {
      result[0] += -0.26986858;
    } else {
      result[0] += 0.10388337;
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10)) {
      result[0] += -0.18066676;
    } else {
      result[0] += 0.67298365;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)226.19999695)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)142.1000061)) {
      result[0] += 0.093512155;
    } else {
      result[0] += -0.25817528;
    }
  } else {
    result[0] += 0.30274713;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)7.1999998093)) {
      result[0] += 0.11658134;
    } else {
      result[0] += -0.2537218;
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)116)) {
      result[0] += 0.3868939;
    } else {
      result[0] += -0.07017564;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)226.19999695)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)96)) {
      result[0] += 0.07217585;
    } else {
      result[0] += -0.24201272;
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)207)) {
      result[0] += -0.05891042;
    } else {
      result[0] += 0.38363615;
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)239.69999695)) {
      result[0] += -0.23975356;
    } else {
      result[0] += 0.10612686;
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)116)) {
      result[0] += 0.255277;
    } else {
      result[0] += -0.03324435;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)207.19999695)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)145.69999695)) {
      result[0] += 0.094620116;
    } else {
      result[0] += -0.24629325;
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
      result[0] += 0.27033502;
    } else {
      result[0] += -0.030579729;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)226.19999695)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)142.1000061)) {
      result[0] += 0.043674164;
    } else {
      result[0] += -0.21707736;
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)226.80000305)) {
      result[0] += -0.033273313;
    } else {
      result[0] += 0.2936626;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)207.19999695)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)145.69999695)) {
      result[0] += 0.063842714;
    } else {
      result[0] += -0.22246969;
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)210.69999695)) {
      result[0] += 0.009274733;
    } else {
      result[0] += 0.22393599;
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)248.5)) {
      result[0] += -0.21251208;
    } else {
      result[0] += 0.07246573;
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)96)) {
      result[0] += 0.19949804;
    } else {
      result[0] += 0.008107396;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)226.19999695)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)96)) {
      result[0] += 0.034581207;
    } else {
      result[0] += -0.19919303;
    }
  } else {
    result[0] += 0.14657408;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)248.5)) {
      result[0] += -0.19817944;
    } else {
      result[0] += 0.051927;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)226.30000305)) {
      result[0] += 0.008832901;
    } else {
      result[0] += 0.18633194;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)226.19999695)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)96)) {
      result[0] += 0.022478597;
    } else {
      result[0] += -0.1823067;
    }
  } else {
    result[0] += 0.12096364;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.5)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)7.1999998093)) {
      result[0] += 0.03559063;
    } else {
      result[0] += -0.19117601;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)196.30000305)) {
      result[0] += -0.00023665484;
    } else {
      result[0] += 0.16953525;
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)7.5)) {
      result[0] += 0.03838544;
    } else {
      result[0] += -0.1847946;
    }
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)95)) {
      result[0] += 5.121827e-05;
    } else {
      result[0] += 0.13972084;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)207.19999695)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)145.69999695)) {
      result[0] += 0.034939025;
    } else {
      result[0] += -0.1910645;
    }
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)120)) {
      result[0] += 0.010876545;
    } else {
      result[0] += 0.14431018;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.5)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)6.6999998093)) {
      result[0] += 0.026506206;
    } else {
      result[0] += -0.17095529;
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.899999619)) {
      result[0] += 0.12625067;
    } else {
      result[0] += -0.013941381;
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)207.19999695)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)92)) {
      result[0] += 0.0060240314;
    } else {
      result[0] += -0.13857713;
    }
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)124)) {
      result[0] += 0.0041540824;
    } else {
      result[0] += 0.12957524;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)226.19999695)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)142.1000061)) {
      result[0] += 0.019460317;
    } else {
      result[0] += -0.16470832;
    }
  } else {
    result[0] += 0.09582481;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    result[0] += -0.095860064;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)96)) {
      result[0] += 0.11533373;
    } else {
      result[0] += -0.0011399324;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)226.19999695)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)102)) {
      result[0] += 0.005555092;
    } else {
      result[0] += -0.12179459;
    }
  } else {
    result[0] += 0.08776115;
  }
  
  // Apply base_scores
  result[0] += -1.927891577411800839;
  
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

