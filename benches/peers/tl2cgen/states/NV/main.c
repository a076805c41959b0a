
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
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)241)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
        result[0] += -0.3312224;
      } else {
        result[0] += 0.09869366;
      }
    } else {
      result[0] += 0.34773588;
    }
  } else {
    result[0] += 0.60990095;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)241)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
        result[0] += -0.30232263;
      } else {
        result[0] += 0.07691457;
      }
    } else {
      result[0] += 0.2586473;
    }
  } else {
    result[0] += 0.4026462;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)241)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.300000191)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.3999996185)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)96)) {
          result[0] += 0.14701313;
        } else {
          result[0] += -0.19042443;
        }
      } else {
        result[0] += -0.28854162;
      }
    } else {
      result[0] += 0.19781114;
    }
  } else {
    result[0] += 0.2970889;
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.5)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)89)) {
        result[0] += 0.2844442;
      } else {
        result[0] += -0.10335672;
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
        result[0] += -0.28635055;
      } else {
        result[0] += -0.0038137643;
      }
    }
  } else {
    result[0] += 0.26494706;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)116)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)164.8999939)) {
      result[0] += -0.20784609;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)145.3999939)) {
        result[0] += -0.05629717;
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)232.3999939)) {
          if ( (data[9].missing != -1) && (data[9].fvalue < (float)102)) {
            result[0] += 0.37043014;
          } else {
            result[0] += 0.10028814;
          }
        } else {
          result[0] += 0.041750826;
        }
      }
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)100)) {
      result[0] += 0.029180227;
    } else {
      result[0] += -0.2649755;
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)241)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
        result[0] += -0.25687358;
      } else {
        result[0] += 0.06234098;
      }
    } else {
      result[0] += 0.13803081;
    }
  } else {
    result[0] += 0.20160452;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)116)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)241)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)190.6000061)) {
          result[0] += 0.053236097;
        } else {
          result[0] += -0.21935162;
        }
      } else {
        result[0] += 0.14065821;
      }
    } else {
      result[0] += 0.26586506;
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)100)) {
      result[0] += 0.03805126;
    } else {
      result[0] += -0.24352287;
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.5)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)89)) {
        result[0] += 0.18368605;
      } else {
        result[0] += -0.06580189;
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
        result[0] += -0.23025876;
      } else {
        result[0] += -0.025994854;
      }
    }
  } else {
    result[0] += 0.16064253;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)89)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)194)) {
      result[0] += 0.22213785;
    } else {
      result[0] += -0.020731146;
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.11232767;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)201.6000061)) {
        result[0] += -0.23107842;
      } else {
        result[0] += -0.0508825;
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)241)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.300000191)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.3999996185)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)105)) {
          result[0] += 0.07629484;
        } else {
          result[0] += -0.09295966;
        }
      } else {
        result[0] += -0.23754875;
      }
    } else {
      result[0] += 0.14852525;
    }
  } else {
    result[0] += 0.14405456;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)116)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)241)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)95)) {
        result[0] += 0.09709781;
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)194)) {
          result[0] += 0.02403372;
        } else {
          result[0] += -0.17746924;
        }
      }
    } else {
      result[0] += 0.20527855;
    }
  } else {
    result[0] += -0.12358991;
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)234.1000061)) {
        result[0] += -0.21170759;
      } else {
        result[0] += 0.03833408;
      }
    } else {
      result[0] += 0.07067598;
    }
  } else {
    result[0] += 0.12409292;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)96)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)94)) {
      result[0] += -0.029596666;
    } else {
      result[0] += 0.15150711;
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.07133994;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)190.69999695)) {
        result[0] += -0.19669718;
      } else {
        result[0] += -0.03749234;
      }
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)94)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.5)) {
      result[0] += 0.040972345;
    } else {
      result[0] += -0.19723739;
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)164.8999939)) {
      result[0] += -0.10498431;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)196.5)) {
        result[0] += 0.22301376;
      } else {
        result[0] += 0.024808263;
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)190.6000061)) {
      result[0] += 0.06495776;
    } else {
      result[0] += -0.16267937;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)193)) {
      result[0] += -0.12974551;
    } else {
      result[0] += 0.1903839;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)89)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)193)) {
      result[0] += -0.024696756;
    } else {
      result[0] += 0.15032633;
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.06910246;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)201.6000061)) {
        result[0] += -0.17943357;
      } else {
        result[0] += -0.038044628;
      }
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.5)) {
      result[0] += 0.041470744;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)109)) {
        result[0] += -0.015555386;
      } else {
        result[0] += -0.18427056;
      }
    }
  } else {
    result[0] += 0.10369877;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)241)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.300000191)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)168.6000061)) {
        result[0] += -0.021762151;
      } else {
        result[0] += -0.1974471;
      }
    } else {
      result[0] += 0.11235612;
    }
  } else {
    result[0] += 0.10473486;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)89)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)193)) {
      result[0] += -0.018927243;
    } else {
      result[0] += 0.12924354;
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.04889087;
    } else {
      result[0] += -0.13057443;
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.5)) {
      result[0] += 0.038666822;
    } else {
      result[0] += -0.12395149;
    }
  } else {
    result[0] += 0.09483891;
  }
  
  // Apply base_scores
  result[0] += -1.312186351140144591;
  
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

