
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
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)226)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)116)) {
        result[0] += -0.33462095;
      } else {
        result[0] += -0.0114942575;
      }
    } else {
      result[0] += 0.26325414;
    }
  } else {
    result[0] += 0.6095618;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)226)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)116)) {
        result[0] += -0.30284798;
      } else {
        result[0] += -0.0094092805;
      }
    } else {
      result[0] += 0.19774158;
    }
  } else {
    result[0] += 0.40085533;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)255.1000061)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)87)) {
      result[0] += 0.24028894;
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)124)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)110)) {
          result[0] += -0.30276147;
        } else {
          if ( (data[6].missing != -1) && (data[6].fvalue < (float)96)) {
            result[0] += -0.22326402;
          } else {
            result[0] += 0.09667728;
          }
        }
      } else {
        result[0] += 0.07646796;
      }
    }
  } else {
    result[0] += 0.39405134;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)255.1000061)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)87)) {
      result[0] += 0.18284158;
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)124)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)195.69999695)) {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)172.19999695)) {
            result[0] += -0.20589806;
          } else {
            result[0] += 0.10095145;
          }
        } else {
          result[0] += -0.2797349;
        }
      } else {
        result[0] += 0.06317654;
      }
    }
  } else {
    result[0] += 0.3236938;
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)212.80000305)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)116)) {
        result[0] += -0.2748784;
      } else {
        result[0] += -0.034582634;
      }
    } else {
      result[0] += 0.25982165;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)189.6000061)) {
      result[0] += 0.28492242;
    } else {
      result[0] += 0.05581743;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)255.1000061)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)87)) {
      result[0] += 0.14977878;
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)124)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)110)) {
          result[0] += -0.25280654;
        } else {
          result[0] += -0.04889331;
        }
      } else {
        result[0] += 0.05976966;
      }
    }
  } else {
    result[0] += 0.26051742;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)167.80000305)) {
    result[0] += -0.21232374;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)188)) {
      result[0] += -0.13959368;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)102)) {
        result[0] += -0.017248131;
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)93)) {
          result[0] += 0.057851616;
        } else {
          result[0] += 0.3651585;
        }
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.300000191)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)212.80000305)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
        result[0] += -0.2543833;
      } else {
        result[0] += 0.14427197;
      }
    } else {
      result[0] += 0.115502544;
    }
  } else {
    result[0] += 0.21943426;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)167.80000305)) {
    result[0] += -0.18417548;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)188)) {
      result[0] += -0.109088;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)102)) {
        result[0] += -0.018451668;
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)93)) {
          result[0] += 0.046746608;
        } else {
          result[0] += 0.28714383;
        }
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.300000191)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)102)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)158.3999939)) {
        result[0] += -0.052032586;
      } else {
        result[0] += -0.19726236;
      }
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)212.80000305)) {
        result[0] += -0.07286224;
      } else {
        result[0] += 0.1831907;
      }
    }
  } else {
    result[0] += 0.1779144;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)87)) {
    result[0] += 0.14680791;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)125)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)107)) {
        result[0] += -0.20383416;
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)107)) {
          result[0] += -0.09286753;
        } else {
          result[0] += 0.081649005;
        }
      }
    } else {
      result[0] += 0.10592225;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.300000191)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)102)) {
      result[0] += -0.14852613;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)102)) {
        result[0] += -0.08336201;
      } else {
        result[0] += 0.13073936;
      }
    }
  } else {
    result[0] += 0.14777488;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)170.1000061)) {
    result[0] += -0.12942842;
  } else {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)189.80000305)) {
        result[0] += -0.18184347;
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)114)) {
          result[0] += -0.031208096;
        } else {
          result[0] += 0.16019943;
        }
      }
    } else {
      result[0] += 0.20566924;
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
      result[0] += -0.09732701;
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
        result[0] += 0.017496003;
      } else {
        result[0] += 0.17405862;
      }
    }
  } else {
    result[0] += -0.117203295;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)87)) {
    result[0] += 0.111415006;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)212.80000305)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)207.5)) {
        result[0] += -0.16663489;
      } else {
        result[0] += -0.009986137;
      }
    } else {
      result[0] += 0.04477761;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)237.80000305)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)116)) {
        result[0] += -0.19583629;
      } else {
        result[0] += 0.025654668;
      }
    } else {
      result[0] += 0.089457065;
    }
  } else {
    result[0] += 0.11455396;
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)188)) {
      result[0] += -0.07870423;
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)108)) {
        result[0] += -0.005571079;
      } else {
        result[0] += 0.17300996;
      }
    }
  } else {
    result[0] += -0.10257379;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)87)) {
    result[0] += 0.10277276;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)113)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)216.8999939)) {
        result[0] += -0.0239088;
      } else {
        result[0] += -0.12810986;
      }
    } else {
      result[0] += 0.041996688;
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)188)) {
    result[0] += -0.09082485;
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)213.69999695)) {
      result[0] += 0.15175295;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)113)) {
        result[0] += -0.1317275;
      } else {
        result[0] += 0.056561153;
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)87)) {
    result[0] += 0.08766724;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)212.80000305)) {
      result[0] += -0.10022422;
    } else {
      result[0] += 0.026976906;
    }
  }
  
  // Apply base_scores
  result[0] += -1.189584061320608566;
  
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

