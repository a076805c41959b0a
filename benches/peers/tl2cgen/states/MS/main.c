
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
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)222.6000061)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)116)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)98)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)80)) {
          result[0] += -0.21978466;
        } else {
          result[0] += 0.09436864;
        }
      } else {
        result[0] += -0.2982986;
      }
    } else {
      result[0] += 0.10541776;
    }
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)104)) {
      result[0] += -0.01715798;
    } else {
      result[0] += 0.5404751;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.19999695)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.1000003815)) {
        result[0] += 0.030715108;
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)126)) {
          result[0] += -0.31764436;
        } else {
          result[0] += -0.045693517;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)205.6000061)) {
        result[0] += -0.05636163;
      } else {
        result[0] += 0.40712404;
      }
    }
  } else {
    result[0] += 0.53328574;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)277.8999939)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)198.5)) {
          result[0] += -0.042929;
        } else {
          result[0] += 0.24341194;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)125)) {
          result[0] += -0.30725107;
        } else {
          result[0] += -0.039472803;
        }
      }
    } else {
      result[0] += 0.32390618;
    }
  } else {
    result[0] += 0.40840858;
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.19999695)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.1000003815)) {
        result[0] += 0.047081623;
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.199999809)) {
          result[0] += -0.27430248;
        } else {
          result[0] += -0.03353618;
        }
      }
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)70)) {
        result[0] += 0.30234393;
      } else {
        result[0] += -0.0067494814;
      }
    }
  } else {
    result[0] += 0.3332542;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)218.3999939)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)100)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)91)) {
        result[0] += -0.09783216;
      } else {
        result[0] += 0.16933823;
      }
    } else {
      result[0] += -0.24466984;
    }
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)95)) {
      result[0] += -0.060008746;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)101)) {
        result[0] += 0.03699051;
      } else {
        result[0] += 0.34596497;
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)212.1000061)) {
        result[0] += -0.046843536;
      } else {
        result[0] += 0.3184456;
      }
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)273.5)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)120)) {
          result[0] += -0.269379;
        } else {
          result[0] += -0.030611614;
        }
      } else {
        result[0] += 0.11063886;
      }
    }
  } else {
    result[0] += 0.27194294;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)218.3999939)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)100)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)91)) {
        result[0] += -0.07499218;
      } else {
        result[0] += 0.13070881;
      }
    } else {
      result[0] += -0.21520989;
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
        result[0] += 0.26746023;
      } else {
        result[0] += -6.2912986e-05;
      }
    } else {
      result[0] += -0.042245727;
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
      result[0] += 0.14266996;
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)273.5)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)117)) {
          result[0] += -0.24713595;
        } else {
          result[0] += -0.034456193;
        }
      } else {
        result[0] += 0.08104062;
      }
    }
  } else {
    result[0] += 0.23908313;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)218.3999939)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)100)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)10)) {
        result[0] += 0.11049979;
      } else {
        result[0] += -0.05615765;
      }
    } else {
      result[0] += -0.19728293;
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)105)) {
      result[0] += 0.0012404167;
    } else {
      result[0] += 0.17567334;
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)95)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)90)) {
      result[0] += 0.05470738;
    } else {
      result[0] += -0.20576802;
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)213.5)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)120)) {
        result[0] += -0.11253116;
      } else {
        result[0] += 0.04250578;
      }
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)101)) {
        result[0] += 0.0074739456;
      } else {
        result[0] += 0.23355256;
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)95)) {
      result[0] += -0.070366256;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)220.30000305)) {
        result[0] += -0.009393632;
      } else {
        result[0] += 0.22774972;
      }
    }
  } else {
    result[0] += -0.11557806;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)251.19999695)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)65)) {
      result[0] += 0.10620782;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)108)) {
        result[0] += -0.19760609;
      } else {
        result[0] += 0.047947694;
      }
    }
  } else {
    result[0] += 0.12797333;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)93)) {
    result[0] += -0.08554711;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)100)) {
      result[0] += 0.21684182;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)213.5)) {
        result[0] += -0.1643314;
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)102)) {
          result[0] += -0.05915649;
        } else {
          result[0] += 0.15654647;
        }
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)179.30000305)) {
      result[0] += -0.05344414;
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)220.30000305)) {
        result[0] += 0.013637313;
      } else {
        result[0] += 0.18840374;
      }
    }
  } else {
    result[0] += -0.09674506;
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)88)) {
    result[0] += 0.107785664;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)103)) {
      result[0] += -0.14953738;
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
        result[0] += -0.041248206;
      } else {
        result[0] += 0.13910016;
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.19999695)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)131.69999695)) {
      result[0] += 0.079313174;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)112)) {
        result[0] += -0.19500946;
      } else {
        result[0] += 0.023004318;
      }
    }
  } else {
    result[0] += 0.09359713;
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.19999695)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)118)) {
        result[0] += -0.145346;
      } else {
        result[0] += 0.08021676;
      }
    } else {
      result[0] += 0.17396252;
    }
  } else {
    result[0] += -0.08325373;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)93)) {
    result[0] += -0.07492773;
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)103)) {
      result[0] += -0.039872803;
    } else {
      result[0] += 0.12881708;
    }
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)95)) {
    result[0] += -0.07324795;
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)213.5)) {
      result[0] += -0.037911125;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)101)) {
        result[0] += 0.0045090215;
      } else {
        result[0] += 0.1493115;
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)107)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)100)) {
        result[0] += 0.08702916;
      } else {
        result[0] += -0.12612686;
      }
    } else {
      result[0] += 0.10223797;
    }
  } else {
    result[0] += -0.08934856;
  }
  
  // Apply base_scores
  result[0] += -1.292768290900132566;
  
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

