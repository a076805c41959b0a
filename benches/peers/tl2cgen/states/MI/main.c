
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
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)109)) {
      result[0] += 0.101379514;
    } else {
      result[0] += 0.5454218;
    }
  } else {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)106)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)242.19999695)) {
          result[0] += -0.3232761;
        } else {
          result[0] += -0.046634573;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
          result[0] += 0.2844832;
        } else {
          result[0] += -0.23296152;
        }
      }
    } else {
      result[0] += 0.33654916;
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
      result[0] += 0.21810605;
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)106)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)236.8999939)) {
          result[0] += -0.2945438;
        } else {
          result[0] += -0.045020096;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
          result[0] += 0.2121142;
        } else {
          result[0] += -0.20995627;
        }
      }
    }
  } else {
    result[0] += 0.3684833;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.6999998093)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)200.69999695)) {
        result[0] += -0.046454318;
      } else {
        result[0] += -0.22959165;
      }
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)111)) {
        result[0] += 0.38043946;
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)83)) {
          result[0] += -0.204337;
        } else {
          if ( (data[11].missing != -1) && (data[11].fvalue < (float)191.80000305)) {
            result[0] += 0.05751583;
          } else {
            result[0] += 0.21497668;
          }
        }
      }
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)101)) {
      result[0] += -0.25913718;
    } else {
      result[0] += -0.04135076;
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)9)) {
      result[0] += 0.029196229;
    } else {
      result[0] += 0.33714396;
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.600000381)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)270.3999939)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)220.8999939)) {
          result[0] += -0.29811126;
        } else {
          result[0] += -0.06221733;
        }
      } else {
        result[0] += 0.08156689;
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)194.5)) {
        result[0] += -0.10282808;
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.5)) {
          result[0] += 0.21659099;
        } else {
          result[0] += 0.049282823;
        }
      }
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)226.8999939)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)128)) {
          result[0] += -0.2980929;
        } else {
          result[0] += -0.057285428;
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)207.3999939)) {
          result[0] += -0.07831915;
        } else {
          result[0] += 0.32990196;
        }
      }
    } else {
      result[0] += 0.26817748;
    }
  } else {
    result[0] += 0.22333767;
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)25)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)221.6000061)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)104)) {
          result[0] += -0.24000856;
        } else {
          if ( (data[0].missing != -1) && (data[0].fvalue < (float)83)) {
            result[0] += -0.18557435;
          } else {
            result[0] += 0.22883756;
          }
        }
      } else {
        result[0] += 0.18908021;
      }
    } else {
      result[0] += 0.28818625;
    }
  } else {
    result[0] += -0.19366427;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)109)) {
      result[0] += 0.01943972;
    } else {
      result[0] += 0.23211993;
    }
  } else {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)25)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)148.19999695)) {
        result[0] += -0.20583908;
      } else {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)106)) {
          if ( (data[6].missing != -1) && (data[6].fvalue < (float)87)) {
            result[0] += 0.16215256;
          } else {
            result[0] += -0.19556417;
          }
        } else {
          result[0] += 0.23270561;
        }
      }
    } else {
      result[0] += -0.23256235;
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)7.9000000954)) {
    result[0] += -0.18988776;
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)91)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)97)) {
        result[0] += -0.1846416;
      } else {
        result[0] += 0.029227912;
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)7)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
          result[0] += 0.31095487;
        } else {
          if ( (data[9].missing != -1) && (data[9].fvalue < (float)103)) {
            result[0] += -0.029773997;
          } else {
            result[0] += 0.11995951;
          }
        }
      } else {
        result[0] += -0.106615804;
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.6999998093)) {
    result[0] += -0.14776085;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)81)) {
      result[0] += -0.12947962;
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)74)) {
        result[0] += -0.09067519;
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)228.6000061)) {
          if ( (data[0].missing != -1) && (data[0].fvalue < (float)120)) {
            result[0] += 0.27257574;
          } else {
            result[0] += 0.03138872;
          }
        } else {
          result[0] += -0.038309228;
        }
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)99)) {
      result[0] += 0.036752872;
    } else {
      result[0] += 0.15267017;
    }
  } else {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)25)) {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)106)) {
          result[0] += -0.1659015;
        } else {
          result[0] += 0.088947006;
        }
      } else {
        result[0] += 0.15700808;
      }
    } else {
      result[0] += -0.20109756;
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)226.8999939)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
        result[0] += -0.2050576;
      } else {
        result[0] += 0.06423074;
      }
    } else {
      result[0] += 0.14546092;
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)202.19999695)) {
      result[0] += 0.0028922409;
    } else {
      result[0] += 0.18562539;
    }
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)146)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.300000191)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)209.5)) {
        result[0] += -0.22485961;
      } else {
        result[0] += 0.011849796;
      }
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)91)) {
        result[0] += -0.061032694;
      } else {
        result[0] += 0.14492041;
      }
    }
  } else {
    result[0] += 0.16373578;
  }
  if ( (data[0].missing != -1) && (data[0].fvalue < (float)146)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.300000191)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)209.5)) {
        result[0] += -0.2053479;
      } else {
        result[0] += 0.009753422;
      }
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)91)) {
        result[0] += -0.051099923;
      } else {
        result[0] += 0.1179767;
      }
    }
  } else {
    result[0] += 0.13945694;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)226.3999939)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
        result[0] += -0.10864552;
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)93)) {
          result[0] += -0.053037655;
        } else {
          result[0] += 0.12581815;
        }
      }
    } else {
      result[0] += 0.17267945;
    }
  } else {
    result[0] += -0.118168145;
  }
  if ( (data[6].missing != -1) && (data[6].fvalue < (float)104)) {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)87)) {
      result[0] += 0.057982996;
    } else {
      result[0] += -0.17659579;
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
      result[0] += 0.15243989;
    } else {
      result[0] += -0.047375157;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)93)) {
    result[0] += -0.08928307;
  } else {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)106)) {
        result[0] += -0.10808874;
      } else {
        result[0] += 0.106492884;
      }
    } else {
      result[0] += 0.16293325;
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)25)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)98)) {
      result[0] += -0.055651218;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)222.3999939)) {
        result[0] += -0.009752549;
      } else {
        result[0] += 0.15641879;
      }
    }
  } else {
    result[0] += -0.109823465;
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
    result[0] += 0.09763295;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)93)) {
      result[0] += -0.13401473;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)182.19999695)) {
        result[0] += -0.10805836;
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)225.30000305)) {
          result[0] += 0.12919495;
        } else {
          result[0] += -0.013093761;
        }
      }
    }
  }
  if ( (data[9].missing != -1) && (data[9].fvalue < (float)120)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)81)) {
      result[0] += 0.09220682;
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)222.3999939)) {
        result[0] += -0.1661831;
      } else {
        result[0] += 0.014945033;
      }
    }
  } else {
    result[0] += 0.08584418;
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)25)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)149.30000305)) {
      result[0] += -0.07220596;
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)98)) {
        result[0] += -0.05803582;
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)222.3999939)) {
          result[0] += 0.033635158;
        } else {
          result[0] += 0.17604499;
        }
      }
    }
  } else {
    result[0] += -0.09450633;
  }
  
  // Apply base_scores
  result[0] += -1.270462555136740557;
  
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

