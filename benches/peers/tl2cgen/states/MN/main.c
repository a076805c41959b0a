
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
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.19999695)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)190.3999939)) {
          result[0] += -0.037004415;
        } else {
          result[0] += -0.21716651;
        }
      } else {
        result[0] += 0.56800437;
      }
    } else {
      result[0] += -0.31203565;
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)209.1000061)) {
      result[0] += 0.05079713;
    } else {
      result[0] += 0.56800437;
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)80)) {
      result[0] += 0.25658438;
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)87)) {
          result[0] += -0.03988032;
        } else {
          result[0] += -0.2998116;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)97)) {
          result[0] += -0.21044865;
        } else {
          result[0] += 0.28021982;
        }
      }
    }
  } else {
    result[0] += 0.43972892;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)199.8999939)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)100)) {
        result[0] += -0.043476056;
      } else {
        result[0] += -0.18426655;
      }
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)220.5)) {
        result[0] += 0.4582373;
      } else {
        result[0] += 0.078486525;
      }
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.19999695)) {
      result[0] += -0.28141895;
    } else {
      result[0] += 0.1609312;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.8999996185)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)192.69999695)) {
      result[0] += -0.047274172;
    } else {
      result[0] += -0.24723256;
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)84)) {
      result[0] += 0.3377676;
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.800000191)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
          result[0] += 0.27458763;
        } else {
          result[0] += -0.186544;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)103)) {
          result[0] += -0.20478515;
        } else {
          result[0] += -0.02616075;
        }
      }
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.19999695)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)86)) {
          result[0] += -0.08099334;
        } else {
          result[0] += -0.28357047;
        }
      } else {
        result[0] += 0.15583603;
      }
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.600000381)) {
        result[0] += 0.23562387;
      } else {
        result[0] += -0.082803905;
      }
    }
  } else {
    result[0] += 0.2657395;
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.1999998093)) {
    result[0] += -0.23090307;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)85)) {
      result[0] += -0.19717185;
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)84)) {
        result[0] += 0.32574284;
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
          if ( (data[0].missing != -1) && (data[0].fvalue < (float)113)) {
            result[0] += -0.21050581;
          } else {
            result[0] += 0.054434948;
          }
        } else {
          if ( (data[9].missing != -1) && (data[9].fvalue < (float)101)) {
            result[0] += 0.2655398;
          } else {
            result[0] += -0.07247202;
          }
        }
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.8999996185)) {
    result[0] += -0.17807567;
  } else {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.399999619)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)123)) {
          result[0] += -0.008825545;
        } else {
          result[0] += 0.23980577;
        }
      } else {
        result[0] += -0.17346838;
      }
    } else {
      result[0] += 0.2474422;
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)199.8999939)) {
      result[0] += -0.11225962;
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
        result[0] += 0.033367;
      } else {
        result[0] += 0.26178747;
      }
    }
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)123)) {
      result[0] += -0.23471558;
    } else {
      result[0] += 0.048105884;
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)85)) {
    result[0] += -0.19560198;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)84)) {
      result[0] += 0.22236969;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)260.79998779)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)193)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)159.8999939)) {
            result[0] += -0.09178313;
          } else {
            result[0] += 0.1611296;
          }
        } else {
          result[0] += -0.22528918;
        }
      } else {
        result[0] += 0.14264761;
      }
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)234.1000061)) {
        result[0] += -0.17140156;
      } else {
        result[0] += 0.07153898;
      }
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)181.5)) {
        result[0] += 0.22498922;
      } else {
        result[0] += 0.06617264;
      }
    }
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.19999695)) {
      result[0] += -0.21279337;
    } else {
      result[0] += 0.05226755;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.1999998093)) {
    result[0] += -0.16830418;
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)86)) {
      result[0] += 0.15875214;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)209.30000305)) {
        result[0] += -0.16022523;
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)220.5)) {
          result[0] += 0.1997825;
        } else {
          result[0] += -0.05151466;
        }
      }
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
      result[0] += -0.055729862;
    } else {
      result[0] += 0.15940663;
    }
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)123)) {
      result[0] += -0.20105283;
    } else {
      result[0] += 0.044756107;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.8999996185)) {
    result[0] += -0.13188437;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)100)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)195.69999695)) {
        result[0] += -0.11962627;
      } else {
        result[0] += 0.050659645;
      }
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)129)) {
        result[0] += 0.19318835;
      } else {
        result[0] += -0.00042388064;
      }
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)179.19999695)) {
    result[0] += 0.10799385;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)265.20001221)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)106)) {
        result[0] += -0.19345625;
      } else {
        result[0] += 0.02697261;
      }
    } else {
      result[0] += 0.10097966;
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)199.8999939)) {
      result[0] += -0.07123905;
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.199999809)) {
        result[0] += 0.17789647;
      } else {
        result[0] += -0.007915421;
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)6)) {
      result[0] += -0.18296911;
    } else {
      result[0] += 0.029311532;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)84)) {
    result[0] += 0.10736942;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)179.19999695)) {
      result[0] += 0.04624334;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)234.69999695)) {
        result[0] += -0.155408;
      } else {
        result[0] += -0.0012961526;
      }
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)86)) {
    result[0] += 0.095673196;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)210.19999695)) {
      result[0] += -0.14936876;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)220.5)) {
        result[0] += 0.15038471;
      } else {
        result[0] += -0.078968644;
      }
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.800000191)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)181.3999939)) {
        result[0] += 0.14923902;
      } else {
        result[0] += 0.019110281;
      }
    } else {
      result[0] += -0.04971379;
    }
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)123)) {
      result[0] += -0.17071982;
    } else {
      result[0] += 0.041156687;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)84)) {
    result[0] += 0.09705326;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)179.19999695)) {
      result[0] += 0.032536644;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)110)) {
        result[0] += -0.13302834;
      } else {
        result[0] += -0.005349729;
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.100000381)) {
    result[0] += -0.09912254;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)100)) {
      result[0] += -0.044340376;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)198)) {
        result[0] += 0.13388991;
      } else {
        result[0] += 0.0352266;
      }
    }
  }
  
  // Apply base_scores
  result[0] += -1.526056274470179108;
  
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

