
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
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)264.70001221)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)224.19999695)) {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)322.70001221)) {
            if ( (data[4].missing != -1) && (data[4].fvalue < (float)44)) {
              result[0] += -0.28804517;
            } else {
              result[0] += -0.018230304;
            }
          } else {
            if ( (data[6].missing != -1) && (data[6].fvalue < (float)99)) {
              result[0] += -0.18497725;
            } else {
              result[0] += 0.2405087;
            }
          }
        } else {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)240.5)) {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)233.19999695)) {
              result[0] += -0.22796485;
            } else {
              result[0] += 0.02395082;
            }
          } else {
            if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
              result[0] += 1.1703846;
            } else {
              result[0] += -0.24997574;
            }
          }
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
          result[0] += 1.7873596;
        } else {
          if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.100000381)) {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)251.80000305)) {
              result[0] += -0.2914877;
            } else {
              result[0] += 0.30544424;
            }
          } else {
            result[0] += 1.7430556;
          }
        }
      }
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)160.19999695)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)259.79998779)) {
          result[0] += 1.7132576;
        } else {
          result[0] += 0.38233736;
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)155.5)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)200.1000061)) {
            result[0] += 1.1749403;
          } else {
            result[0] += 0.24314871;
          }
        } else {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)173.3999939)) {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)211.30000305)) {
              result[0] += 1.0671694;
            } else {
              result[0] += -0.22255409;
            }
          } else {
            if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
              result[0] += -0.1868314;
            } else {
              result[0] += 0.3933732;
            }
          }
        }
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)138.5)) {
        result[0] += -0.123172596;
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)122.09999847)) {
          result[0] += 0.2405087;
        } else {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)187.80000305)) {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)278)) {
              result[0] += 0.20092808;
            } else {
              result[0] += 1.3289208;
            }
          } else {
            result[0] += 1.8809353;
          }
        }
      }
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)271.6000061)) {
        result[0] += 0.2162349;
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)124)) {
          result[0] += -0.27647066;
        } else {
          result[0] += 0.09868006;
        }
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)245)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)267.6000061)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.6000061)) {
            if ( (data[4].missing != -1) && (data[4].fvalue < (float)42)) {
              result[0] += -0.26614255;
            } else {
              result[0] += -0.07242023;
            }
          } else {
            if ( (data[12].missing != -1) && (data[12].fvalue < (float)93)) {
              result[0] += 0.08338766;
            } else {
              result[0] += -0.227966;
            }
          }
        } else {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)215.8999939)) {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)286.5)) {
              result[0] += -0.26324433;
            } else {
              result[0] += 0.22318327;
            }
          } else {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)177.30000305)) {
              result[0] += -0.19359924;
            } else {
              result[0] += 0.68995214;
            }
          }
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.100000381)) {
          if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
            result[0] += 0.5433229;
          } else {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)291.20001221)) {
              result[0] += -0.29646564;
            } else {
              result[0] += 0.08893105;
            }
          }
        } else {
          result[0] += 0.5585993;
        }
      }
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)179.1000061)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)212.5)) {
          if ( (data[11].missing != -1) && (data[11].fvalue < (float)253.3999939)) {
            result[0] += 0.638705;
          } else {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)162.3999939)) {
              result[0] += 0.29263437;
            } else {
              result[0] += -0.036252018;
            }
          }
        } else {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)136.1000061)) {
            result[0] += 0.5410224;
          } else {
            if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
              result[0] += 0.06701843;
            } else {
              result[0] += -0.298487;
            }
          }
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)136.1000061)) {
          result[0] += 0.6119952;
        } else {
          if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
            if ( (data[12].missing != -1) && (data[12].fvalue < (float)117)) {
              result[0] += -0.3022051;
            } else {
              result[0] += 0.09452613;
            }
          } else {
            result[0] += 0.23572843;
          }
        }
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)184.8999939)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)275.20001221)) {
          if ( (data[11].missing != -1) && (data[11].fvalue < (float)268.3999939)) {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)180.3999939)) {
              result[0] += -0.27043498;
            } else {
              result[0] += 0.040617473;
            }
          } else {
            result[0] += 0.36902934;
          }
        } else {
          if ( (data[11].missing != -1) && (data[11].fvalue < (float)151.69999695)) {
            result[0] += -0.10978052;
          } else {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)151.8999939)) {
              result[0] += 0.14819865;
            } else {
              result[0] += 0.6058727;
            }
          }
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)169.1000061)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)264.70001221)) {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)258.79998779)) {
              result[0] += -0.17464046;
            } else {
              result[0] += 0.3127799;
            }
          } else {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)204.6000061)) {
              result[0] += 0.08990142;
            } else {
              result[0] += 0.4900601;
            }
          }
        } else {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)264.70001221)) {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)204.6000061)) {
              result[0] += 0.18371993;
            } else {
              result[0] += 0.96028775;
            }
          } else {
            result[0] += 0.5490567;
          }
        }
      }
    } else {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)7.5)) {
          result[0] += 0.10010574;
        } else {
          result[0] += -0.3098204;
        }
      } else {
        result[0] += 0.43102595;
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)247.19999695)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)267.6000061)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.6000061)) {
            if ( (data[6].missing != -1) && (data[6].fvalue < (float)125)) {
              result[0] += -0.24602239;
            } else {
              result[0] += -0.15068054;
            }
          } else {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)181.5)) {
              result[0] += -0.29094085;
            } else {
              result[0] += 0.03434924;
            }
          }
        } else {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)215.8999939)) {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)286.5)) {
              result[0] += -0.23796038;
            } else {
              result[0] += 0.16781989;
            }
          } else {
            if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
              result[0] += 0.44930413;
            } else {
              result[0] += -0.19767109;
            }
          }
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
          result[0] += 0.43455157;
        } else {
          if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.100000381)) {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)293.1000061)) {
              result[0] += -0.27953228;
            } else {
              result[0] += 0.113775335;
            }
          } else {
            result[0] += 0.43078336;
          }
        }
      }
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)177.19999695)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)231.3999939)) {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)190.8999939)) {
            result[0] += 0.47555408;
          } else {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)215.1000061)) {
              result[0] += 0.41162902;
            } else {
              result[0] += -0.042277016;
            }
          }
        } else {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)134)) {
            result[0] += 0.3969813;
          } else {
            if ( (data[6].missing != -1) && (data[6].fvalue < (float)100)) {
              result[0] += -0.28663749;
            } else {
              result[0] += -0.019827636;
            }
          }
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)136.1000061)) {
          result[0] += 0.38678184;
        } else {
          if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.699999809)) {
            if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.3000001907)) {
              result[0] += 0.15376405;
            } else {
              result[0] += -0.26634535;
            }
          } else {
            result[0] += 0.27251905;
          }
        }
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)184.8999939)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)211.30000305)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)301.5)) {
            if ( (data[0].missing != -1) && (data[0].fvalue < (float)139)) {
              result[0] += -0.2994541;
            } else {
              result[0] += 0.052408073;
            }
          } else {
            result[0] += 0.3325482;
          }
        } else {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)264.70001221)) {
            result[0] += -0.05714662;
          } else {
            result[0] += 0.470108;
          }
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)169.1000061)) {
          if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.1999998093)) {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)263.1000061)) {
              result[0] += -0.20267509;
            } else {
              result[0] += 0.114359885;
            }
          } else {
            if ( (data[12].missing != -1) && (data[12].fvalue < (float)120)) {
              result[0] += 0.42101175;
            } else {
              result[0] += 0.029024856;
            }
          }
        } else {
          result[0] += 0.4772046;
        }
      }
    } else {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)7.4000000954)) {
          result[0] += 0.11086551;
        } else {
          result[0] += -0.2896267;
        }
      } else {
        result[0] += 0.32325536;
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)245)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)267.6000061)) {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)168.6000061)) {
            if ( (data[6].missing != -1) && (data[6].fvalue < (float)74)) {
              result[0] += -0.02317352;
            } else {
              result[0] += -0.27050078;
            }
          } else {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.6000061)) {
              result[0] += -0.18808645;
            } else {
              result[0] += -0.0070920223;
            }
          }
        } else {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)209.19999695)) {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)286.5)) {
              result[0] += -0.2306745;
            } else {
              result[0] += 0.15440446;
            }
          } else {
            if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
              result[0] += 0.3388474;
            } else {
              result[0] += -0.20745891;
            }
          }
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.100000381)) {
          if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
            result[0] += 0.36622682;
          } else {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)293.1000061)) {
              result[0] += -0.26003158;
            } else {
              result[0] += 0.09121302;
            }
          }
        } else {
          result[0] += 0.37311628;
        }
      }
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)138.6000061)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)63)) {
          result[0] += 0.12372152;
        } else {
          result[0] += 0.4108578;
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)190.8999939)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)187.80000305)) {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)260.3999939)) {
              result[0] += 0.41519448;
            } else {
              result[0] += 0.057640817;
            }
          } else {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)134.1000061)) {
              result[0] += 0.3488298;
            } else {
              result[0] += -0.20877568;
            }
          }
        } else {
          if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)153.6000061)) {
              result[0] += 0.13135983;
            } else {
              result[0] += -0.22905281;
            }
          } else {
            if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
              result[0] += 0.55744475;
            } else {
              result[0] += 0.02421673;
            }
          }
        }
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)149.1000061)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
          result[0] += 0.031923518;
        } else {
          result[0] += -0.23615704;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)189.3999939)) {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)221.80000305)) {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)278)) {
              result[0] += -0.26322418;
            } else {
              result[0] += 0.24125239;
            }
          } else {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)112.19999695)) {
              result[0] += 0.014636857;
            } else {
              result[0] += 0.33208635;
            }
          }
        } else {
          if ( (data[0].missing != -1) && (data[0].fvalue < (float)38)) {
            result[0] += 0.02725286;
          } else {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)230.6000061)) {
              result[0] += 0.29108196;
            } else {
              result[0] += 0.457571;
            }
          }
        }
      }
    } else {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)7.3000001907)) {
          result[0] += 0.11577882;
        } else {
          result[0] += -0.2774629;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.300000191)) {
          result[0] += 0.021668967;
        } else {
          result[0] += 0.3282836;
        }
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)261.3999939)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)245.3999939)) {
          if ( (data[6].missing != -1) && (data[6].fvalue < (float)123)) {
            if ( (data[0].missing != -1) && (data[0].fvalue < (float)25)) {
              result[0] += 0.04787613;
            } else {
              result[0] += -0.20521115;
            }
          } else {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)200.5)) {
              result[0] += -0.18303171;
            } else {
              result[0] += 0.12915008;
            }
          }
        } else {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)209.19999695)) {
            if ( (data[12].missing != -1) && (data[12].fvalue < (float)106)) {
              result[0] += -0.2436401;
            } else {
              result[0] += 0.020025622;
            }
          } else {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)173.30000305)) {
              result[0] += -0.17501122;
            } else {
              result[0] += 0.26612756;
            }
          }
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
          result[0] += 0.3535344;
        } else {
          if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.100000381)) {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)305)) {
              result[0] += -0.2137123;
            } else {
              result[0] += 0.20002098;
            }
          } else {
            result[0] += 0.33862796;
          }
        }
      }
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)176.1000061)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)230.8999939)) {
          if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.600000381)) {
            if ( (data[9].missing != -1) && (data[9].fvalue < (float)74)) {
              result[0] += 0.113326885;
            } else {
              result[0] += 0.36868438;
            }
          } else {
            if ( (data[9].missing != -1) && (data[9].fvalue < (float)111)) {
              result[0] += 0.28440636;
            } else {
              result[0] += -0.023133678;
            }
          }
        } else {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)119.19999695)) {
            result[0] += 0.31133032;
          } else {
            if ( (data[6].missing != -1) && (data[6].fvalue < (float)100)) {
              result[0] += -0.23341489;
            } else {
              result[0] += 0.051730838;
            }
          }
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)136.1000061)) {
          if ( (data[6].missing != -1) && (data[6].fvalue < (float)108)) {
            result[0] += 0.06703481;
          } else {
            result[0] += 0.31374082;
          }
        } else {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)241)) {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)187.80000305)) {
              result[0] += 0.08526956;
            } else {
              result[0] += -0.25247702;
            }
          } else {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)203.80000305)) {
              result[0] += -0.069794215;
            } else {
              result[0] += 0.32915238;
            }
          }
        }
      }
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)185.5)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)283.20001221)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)215.1000061)) {
          result[0] += -0.2558418;
        } else {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)154.5)) {
            result[0] += -0.08303201;
          } else {
            result[0] += 0.20261821;
          }
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
          result[0] += 0.33935505;
        } else {
          if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.100000381)) {
            result[0] += -0.12862167;
          } else {
            result[0] += 0.100035295;
          }
        }
      }
    } else {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)122.09999847)) {
          result[0] += 0.07865146;
        } else {
          if ( (data[12].missing != -1) && (data[12].fvalue < (float)63)) {
            result[0] += 0.06297786;
          } else {
            result[0] += 0.37421677;
          }
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
          if ( (data[0].missing != -1) && (data[0].fvalue < (float)108)) {
            result[0] += -0.18376242;
          } else {
            result[0] += -0.016512353;
          }
        } else {
          result[0] += 0.28492746;
        }
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)222.1000061)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)238.19999695)) {
          if ( (data[0].missing != -1) && (data[0].fvalue < (float)91)) {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)109.09999847)) {
              result[0] += -0.09415714;
            } else {
              result[0] += -0.28601652;
            }
          } else {
            if ( (data[6].missing != -1) && (data[6].fvalue < (float)120)) {
              result[0] += -0.16578697;
            } else {
              result[0] += 0.07912802;
            }
          }
        } else {
          if ( (data[12].missing != -1) && (data[12].fvalue < (float)116)) {
            if ( (data[0].missing != -1) && (data[0].fvalue < (float)63)) {
              result[0] += 0.13365366;
            } else {
              result[0] += -0.20622973;
            }
          } else {
            if ( (data[12].missing != -1) && (data[12].fvalue < (float)130)) {
              result[0] += 0.36970133;
            } else {
              result[0] += -0.21430002;
            }
          }
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.100000381)) {
          if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
            result[0] += 0.28717342;
          } else {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)145.19999695)) {
              result[0] += -0.02388606;
            } else {
              result[0] += -0.2688344;
            }
          }
        } else {
          result[0] += 0.29606608;
        }
      }
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)138.6000061)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)63)) {
          result[0] += 0.081894204;
        } else {
          result[0] += 0.3389768;
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)212.5)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)193.80000305)) {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)226.1000061)) {
              result[0] += 0.3390592;
            } else {
              result[0] += 0.0020976784;
            }
          } else {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)136.1000061)) {
              result[0] += 0.10823148;
            } else {
              result[0] += -0.20058388;
            }
          }
        } else {
          if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
            result[0] += 0.1015533;
          } else {
            if ( (data[17].missing != -1) && (data[17].fvalue < (float)5)) {
              result[0] += -0.27513835;
            } else {
              result[0] += -0.06302131;
            }
          }
        }
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)224.8999939)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)278)) {
          if ( (data[11].missing != -1) && (data[11].fvalue < (float)255.80000305)) {
            if ( (data[17].missing != -1) && (data[17].fvalue < (float)1)) {
              result[0] += 0.1494701;
            } else {
              result[0] += -0.14545028;
            }
          } else {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)248.69999695)) {
              result[0] += -0.09860621;
            } else {
              result[0] += 0.3126312;
            }
          }
        } else {
          if ( (data[11].missing != -1) && (data[11].fvalue < (float)150.80000305)) {
            result[0] += 0.021439578;
          } else {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)151.8999939)) {
              result[0] += 0.08035372;
            } else {
              result[0] += 0.31876203;
            }
          }
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)201.8999939)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)247.19999695)) {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)293.1000061)) {
              result[0] += -0.18856676;
            } else {
              result[0] += 0.29703462;
            }
          } else {
            if ( (data[12].missing != -1) && (data[12].fvalue < (float)119)) {
              result[0] += 0.32496876;
            } else {
              result[0] += 0.03792757;
            }
          }
        } else {
          result[0] += 0.39368057;
        }
      }
    } else {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)7.5999999046)) {
          if ( (data[9].missing != -1) && (data[9].fvalue < (float)107)) {
            result[0] += -0.040696908;
          } else {
            result[0] += 0.12615515;
          }
        } else {
          if ( (data[9].missing != -1) && (data[9].fvalue < (float)121)) {
            result[0] += -0.28462598;
          } else {
            result[0] += -0.024187744;
          }
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.100000381)) {
          if ( (data[11].missing != -1) && (data[11].fvalue < (float)178.30000305)) {
            result[0] += 0.111361265;
          } else {
            result[0] += -0.19986661;
          }
        } else {
          result[0] += 0.33318987;
        }
      }
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)263.1000061)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)164)) {
          if ( (data[6].missing != -1) && (data[6].fvalue < (float)70)) {
            result[0] += 0.017813556;
          } else {
            if ( (data[9].missing != -1) && (data[9].fvalue < (float)107)) {
              result[0] += -0.29198927;
            } else {
              result[0] += -0.1151749;
            }
          }
        } else {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)168.6000061)) {
            if ( (data[0].missing != -1) && (data[0].fvalue < (float)143)) {
              result[0] += -0.24293862;
            } else {
              result[0] += 0.03236657;
            }
          } else {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)209.19999695)) {
              result[0] += -0.09489684;
            } else {
              result[0] += 0.0883976;
            }
          }
        }
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)138.6000061)) {
          if ( (data[0].missing != -1) && (data[0].fvalue < (float)63)) {
            result[0] += 0.0688004;
          } else {
            result[0] += 0.3084247;
          }
        } else {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)190.8999939)) {
            if ( (data[9].missing != -1) && (data[9].fvalue < (float)126)) {
              result[0] += 0.221997;
            } else {
              result[0] += -0.13524216;
            }
          } else {
            if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.8000001907)) {
              result[0] += 0.042623818;
            } else {
              result[0] += -0.2566724;
            }
          }
        }
      }
    } else {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)167.19999695)) {
          if ( (data[9].missing != -1) && (data[9].fvalue < (float)101)) {
            result[0] += 0.13815977;
          } else {
            result[0] += -0.17735842;
          }
        } else {
          if ( (data[11].missing != -1) && (data[11].fvalue < (float)161.1000061)) {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)198.80000305)) {
              result[0] += -0.09113066;
            } else {
              result[0] += 0.20682971;
            }
          } else {
            result[0] += 0.33206636;
          }
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)105)) {
          result[0] += -0.20911743;
        } else {
          result[0] += -0.018159365;
        }
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.39834008;
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.100000381)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)312.20001221)) {
          if ( (data[12].missing != -1) && (data[12].fvalue < (float)85)) {
            if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
              result[0] += -0.065502174;
            } else {
              result[0] += 0.20960425;
            }
          } else {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)245.3999939)) {
              result[0] += -0.2046373;
            } else {
              result[0] += -0.025528157;
            }
          }
        } else {
          result[0] += 0.19218288;
        }
      } else {
        result[0] += 0.34417146;
      }
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)263.1000061)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)5)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)145.19999695)) {
          if ( (data[4].missing != -1) && (data[4].fvalue < (float)29)) {
            if ( (data[9].missing != -1) && (data[9].fvalue < (float)75)) {
              result[0] += -0.027213646;
            } else {
              result[0] += -0.2701632;
            }
          } else {
            if ( (data[4].missing != -1) && (data[4].fvalue < (float)34)) {
              result[0] += 0.21219434;
            } else {
              result[0] += -0.09990852;
            }
          }
        } else {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)244.5)) {
            if ( (data[6].missing != -1) && (data[6].fvalue < (float)123)) {
              result[0] += -0.10777797;
            } else {
              result[0] += 0.032337762;
            }
          } else {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)151.5)) {
              result[0] += -0.16969731;
            } else {
              result[0] += 0.09308419;
            }
          }
        }
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)127)) {
          if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.8000001907)) {
            if ( (data[4].missing != -1) && (data[4].fvalue < (float)21)) {
              result[0] += 0.35564944;
            } else {
              result[0] += 0.07847214;
            }
          } else {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)182.69999695)) {
              result[0] += 0.19212598;
            } else {
              result[0] += -0.13050885;
            }
          }
        } else {
          result[0] += -0.08348959;
        }
      }
    } else {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)138.5)) {
          result[0] += -0.18255933;
        } else {
          if ( (data[11].missing != -1) && (data[11].fvalue < (float)161.1000061)) {
            if ( (data[0].missing != -1) && (data[0].fvalue < (float)109)) {
              result[0] += -0.081080355;
            } else {
              result[0] += 0.19974507;
            }
          } else {
            if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
              result[0] += 0.12633182;
            } else {
              result[0] += 0.31390357;
            }
          }
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)30)) {
          result[0] += -0.19285803;
        } else {
          result[0] += -0.01864236;
        }
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.36190104;
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.100000381)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)16)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)199.19999695)) {
            if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
              result[0] += -0.22806422;
            } else {
              result[0] += 0.022591101;
            }
          } else {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)245.3999939)) {
              result[0] += -0.002296832;
            } else {
              result[0] += 0.33874;
            }
          }
        } else {
          result[0] += -0.22219208;
        }
      } else {
        result[0] += 0.31603444;
      }
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)261.3999939)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)168.6000061)) {
          if ( (data[9].missing != -1) && (data[9].fvalue < (float)82)) {
            if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
              result[0] += 0.40528354;
            } else {
              result[0] += -0.1464918;
            }
          } else {
            if ( (data[12].missing != -1) && (data[12].fvalue < (float)91)) {
              result[0] += -0.07893258;
            } else {
              result[0] += -0.26878977;
            }
          }
        } else {
          if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.3000001907)) {
            if ( (data[6].missing != -1) && (data[6].fvalue < (float)130)) {
              result[0] += -0.19500756;
            } else {
              result[0] += 0.15027004;
            }
          } else {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)145.19999695)) {
              result[0] += -0.23696956;
            } else {
              result[0] += 0.025586346;
            }
          }
        }
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)173.3999939)) {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)190.8999939)) {
            result[0] += 0.29692367;
          } else {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)143.69999695)) {
              result[0] += 0.18952638;
            } else {
              result[0] += -0.10259325;
            }
          }
        } else {
          if ( (data[12].missing != -1) && (data[12].fvalue < (float)117)) {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)152.8999939)) {
              result[0] += 0.106320724;
            } else {
              result[0] += -0.19826086;
            }
          } else {
            if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.3000001907)) {
              result[0] += 0.25105876;
            } else {
              result[0] += -0.022889474;
            }
          }
        }
      }
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)180.3999939)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)283.20001221)) {
          result[0] += -0.1858808;
        } else {
          if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
            result[0] += 0.16896044;
          } else {
            result[0] += -0.032083403;
          }
        }
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
          if ( (data[11].missing != -1) && (data[11].fvalue < (float)166.5)) {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)275.20001221)) {
              result[0] += -0.09351477;
            } else {
              result[0] += 0.20518841;
            }
          } else {
            result[0] += 0.299592;
          }
        } else {
          result[0] += -0.08250384;
        }
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.33061746;
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.100000381)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)22)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)199.19999695)) {
            if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
              result[0] += -0.225737;
            } else {
              result[0] += 0.09958666;
            }
          } else {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)245.3999939)) {
              result[0] += -0.005840906;
            } else {
              result[0] += 0.28662524;
            }
          }
        } else {
          result[0] += -0.20255992;
        }
      } else {
        result[0] += 0.2915059;
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)236.6000061)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)91)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)255.30000305)) {
          if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
            if ( (data[6].missing != -1) && (data[6].fvalue < (float)79)) {
              result[0] += -0.041379098;
            } else {
              result[0] += -0.2300717;
            }
          } else {
            if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.5)) {
              result[0] += -0.019476995;
            } else {
              result[0] += 0.13760887;
            }
          }
        } else {
          if ( (data[6].missing != -1) && (data[6].fvalue < (float)97)) {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)263.8999939)) {
              result[0] += 0.7761093;
            } else {
              result[0] += -0.0014527824;
            }
          } else {
            if ( (data[12].missing != -1) && (data[12].fvalue < (float)87)) {
              result[0] += 0.00045673887;
            } else {
              result[0] += -0.2172514;
            }
          }
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)125)) {
          if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
            if ( (data[0].missing != -1) && (data[0].fvalue < (float)93)) {
              result[0] += 0.37767044;
            } else {
              result[0] += -0.016288294;
            }
          } else {
            if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
              result[0] += 0.016580898;
            } else {
              result[0] += -0.21295178;
            }
          }
        } else {
          if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
            if ( (data[6].missing != -1) && (data[6].fvalue < (float)104)) {
              result[0] += 0.53847986;
            } else {
              result[0] += 0.060140323;
            }
          } else {
            result[0] += -0.18618518;
          }
        }
      }
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)212.5)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)176.1000061)) {
          if ( (data[11].missing != -1) && (data[11].fvalue < (float)224.5)) {
            result[0] += 0.29872143;
          } else {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)179.8999939)) {
              result[0] += 0.22967209;
            } else {
              result[0] += -0.11956473;
            }
          }
        } else {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)136.1000061)) {
            if ( (data[6].missing != -1) && (data[6].fvalue < (float)108)) {
              result[0] += 0.053490277;
            } else {
              result[0] += 0.25393093;
            }
          } else {
            if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
              result[0] += -0.23361634;
            } else {
              result[0] += 0.0997855;
            }
          }
        }
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)151.5)) {
          if ( (data[15].missing != -1) && (data[15].fvalue < (float)5)) {
            result[0] += 0.21415806;
          } else {
            result[0] += -0.04045854;
          }
        } else {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)215.8999939)) {
            result[0] += -0.21030451;
          } else {
            result[0] += 0.03242841;
          }
        }
      }
    }
  } else {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)224.6000061)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)211.30000305)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.899999619)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)283.20001221)) {
            if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
              result[0] += -0.028717758;
            } else {
              result[0] += -0.26072347;
            }
          } else {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)167.19999695)) {
              result[0] += -0.052905273;
            } else {
              result[0] += 0.17924236;
            }
          }
        } else {
          result[0] += 0.21354039;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)86)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)256.29998779)) {
            result[0] += -0.17229733;
          } else {
            result[0] += -0.009876257;
          }
        } else {
          if ( (data[0].missing != -1) && (data[0].fvalue < (float)58)) {
            result[0] += -0.12404102;
          } else {
            if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
              result[0] += 0.2860299;
            } else {
              result[0] += -0.05950211;
            }
          }
        }
      }
    } else {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)7.3000001907)) {
          result[0] += -0.052039657;
        } else {
          if ( (data[11].missing != -1) && (data[11].fvalue < (float)158.8999939)) {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)240.5)) {
              result[0] += -0.08867309;
            } else {
              result[0] += 0.2181179;
            }
          } else {
            if ( (data[9].missing != -1) && (data[9].fvalue < (float)120)) {
              result[0] += 0.35352087;
            } else {
              result[0] += 0.058650825;
            }
          }
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.3999996185)) {
          result[0] += 0.18094906;
        } else {
          result[0] += -0.16075273;
        }
      }
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)103)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)144.30000305)) {
          if ( (data[6].missing != -1) && (data[6].fvalue < (float)79)) {
            result[0] += 0.068480685;
          } else {
            if ( (data[12].missing != -1) && (data[12].fvalue < (float)127)) {
              result[0] += -0.28030267;
            } else {
              result[0] += -0.010560628;
            }
          }
        } else {
          if ( (data[9].missing != -1) && (data[9].fvalue < (float)78)) {
            if ( (data[9].missing != -1) && (data[9].fvalue < (float)67)) {
              result[0] += -0.108811155;
            } else {
              result[0] += 0.17273968;
            }
          } else {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)200.5)) {
              result[0] += -0.17155975;
            } else {
              result[0] += -0.009722017;
            }
          }
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)107)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)133.30000305)) {
            result[0] += 0.14071074;
          } else {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)155.5)) {
              result[0] += 0.077099174;
            } else {
              result[0] += -0.17597184;
            }
          }
        } else {
          if ( (data[9].missing != -1) && (data[9].fvalue < (float)83)) {
            result[0] += 0.03814708;
          } else {
            result[0] += 0.26365456;
          }
        }
      }
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)129)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)113.19999695)) {
          if ( (data[6].missing != -1) && (data[6].fvalue < (float)109)) {
            if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.6000003815)) {
              result[0] += 0.6442912;
            } else {
              result[0] += 0.08403972;
            }
          } else {
            result[0] += -0.14600623;
          }
        } else {
          if ( (data[6].missing != -1) && (data[6].fvalue < (float)123)) {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)286.5)) {
              result[0] += -0.11703906;
            } else {
              result[0] += 0.25947523;
            }
          } else {
            if ( (data[6].missing != -1) && (data[6].fvalue < (float)132)) {
              result[0] += 0.3465006;
            } else {
              result[0] += -0.028300617;
            }
          }
        }
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)137)) {
          if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.199999809)) {
            result[0] += -0.04908191;
          } else {
            if ( (data[6].missing != -1) && (data[6].fvalue < (float)104)) {
              result[0] += 0.6712948;
            } else {
              result[0] += 0.19251369;
            }
          }
        } else {
          if ( (data[9].missing != -1) && (data[9].fvalue < (float)111)) {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)212.3999939)) {
              result[0] += 0.37949687;
            } else {
              result[0] += -0.08496939;
            }
          } else {
            if ( (data[9].missing != -1) && (data[9].fvalue < (float)128)) {
              result[0] += -0.17609791;
            } else {
              result[0] += 0.1376431;
            }
          }
        }
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.29245153;
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.100000381)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)85)) {
          if ( (data[6].missing != -1) && (data[6].fvalue < (float)90)) {
            result[0] += 0.2213843;
          } else {
            result[0] += -0.029785441;
          }
        } else {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)245.3999939)) {
            if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
              result[0] += -0.21128562;
            } else {
              result[0] += -0.009619965;
            }
          } else {
            if ( (data[6].missing != -1) && (data[6].fvalue < (float)101)) {
              result[0] += -0.041660093;
            } else {
              result[0] += 0.09684265;
            }
          }
        }
      } else {
        result[0] += 0.26752162;
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)222.1000061)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
      if ( (data[4].missing != -1) && (data[4].fvalue < (float)40)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)153)) {
          if ( (data[11].missing != -1) && (data[11].fvalue < (float)255.80000305)) {
            if ( (data[0].missing != -1) && (data[0].fvalue < (float)91)) {
              result[0] += -0.18676865;
            } else {
              result[0] += -0.060947284;
            }
          } else {
            if ( (data[0].missing != -1) && (data[0].fvalue < (float)109)) {
              result[0] += 0.14464389;
            } else {
              result[0] += -0.16821355;
            }
          }
        } else {
          if ( (data[12].missing != -1) && (data[12].fvalue < (float)105)) {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)253)) {
              result[0] += -0.22589023;
            } else {
              result[0] += 0.12689711;
            }
          } else {
            if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.100000381)) {
              result[0] += 0.48691025;
            } else {
              result[0] += -0.13997534;
            }
          }
        }
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)98)) {
          result[0] += -0.00091561704;
        } else {
          result[0] += 0.31611216;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)190.8999939)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)231.3999939)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)198.30000305)) {
            result[0] += 0.26327318;
          } else {
            result[0] += 0.035793178;
          }
        } else {
          result[0] += -0.015733747;
        }
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)138.6000061)) {
          result[0] += 0.17163548;
        } else {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)190.8999939)) {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)174.5)) {
              result[0] += 0.21489218;
            } else {
              result[0] += -0.14136024;
            }
          } else {
            if ( (data[0].missing != -1) && (data[0].fvalue < (float)98)) {
              result[0] += -0.04507749;
            } else {
              result[0] += -0.20795207;
            }
          }
        }
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)267.6000061)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)201.19999695)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)278)) {
            if ( (data[14].missing != -1) && (data[14].fvalue < (float)14)) {
              result[0] += -0.122826554;
            } else {
              result[0] += 0.19952019;
            }
          } else {
            if ( (data[15].missing != -1) && (data[15].fvalue < (float)6)) {
              result[0] += 0.21759963;
            } else {
              result[0] += 0.010360869;
            }
          }
        } else {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)154.5)) {
            if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.600000381)) {
              result[0] += 0.03145242;
            } else {
              result[0] += -0.17975062;
            }
          } else {
            if ( (data[6].missing != -1) && (data[6].fvalue < (float)83)) {
              result[0] += -0.038369417;
            } else {
              result[0] += 0.21619685;
            }
          }
        }
      } else {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)121)) {
          result[0] += 0.35033447;
        } else {
          result[0] += 0.069975734;
        }
      }
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)226.30000305)) {
        result[0] += 0.1458616;
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)6.8000001907)) {
          result[0] += 0.10312228;
        } else {
          if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
            result[0] += -0.26413026;
          } else {
            result[0] += 0.040580772;
          }
        }
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)3.9000000954)) {
    result[0] += -0.24340606;
  } else {
    if ( (data[5].missing != -1) && (data[5].fvalue < (float)222.1000061)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)7)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)115)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)186)) {
            if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
              result[0] += -0.12407924;
            } else {
              result[0] += 0.101655684;
            }
          } else {
            if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.199999809)) {
              result[0] += 0.14280166;
            } else {
              result[0] += -0.12816359;
            }
          }
        } else {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)132.1000061)) {
            if ( (data[9].missing != -1) && (data[9].fvalue < (float)95)) {
              result[0] += -0.067088604;
            } else {
              result[0] += 0.40403718;
            }
          } else {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)239.80000305)) {
              result[0] += -0.07940027;
            } else {
              result[0] += 0.21872105;
            }
          }
        }
      } else {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)123)) {
          if ( (data[6].missing != -1) && (data[6].fvalue < (float)87)) {
            if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.5)) {
              result[0] += -0.14590286;
            } else {
              result[0] += 0.1917443;
            }
          } else {
            if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
              result[0] += -0.26069906;
            } else {
              result[0] += -0.044969283;
            }
          }
        } else {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)210.5)) {
            result[0] += 0.304381;
          } else {
            result[0] += -0.05594385;
          }
        }
      }
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)267.6000061)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)85)) {
          if ( (data[11].missing != -1) && (data[11].fvalue < (float)186.1000061)) {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)263.1000061)) {
              result[0] += -0.19317503;
            } else {
              result[0] += -0.00479278;
            }
          } else {
            if ( (data[12].missing != -1) && (data[12].fvalue < (float)73)) {
              result[0] += 0.008541508;
            } else {
              result[0] += 0.35890996;
            }
          }
        } else {
          if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.699999809)) {
            if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
              result[0] += 0.07750166;
            } else {
              result[0] += -0.07190113;
            }
          } else {
            if ( (data[9].missing != -1) && (data[9].fvalue < (float)105)) {
              result[0] += 0.23997092;
            } else {
              result[0] += 0.0496587;
            }
          }
        }
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
          result[0] += 0.295849;
        } else {
          result[0] += -0.050250754;
        }
      }
    }
  }
  if ( (data[5].missing != -1) && (data[5].fvalue < (float)310.3999939)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)7.9000000954)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)129)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)134.8999939)) {
          result[0] += 0.1401556;
        } else {
          if ( (data[9].missing != -1) && (data[9].fvalue < (float)122)) {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)120.80000305)) {
              result[0] += 0.079978265;
            } else {
              result[0] += -0.20687258;
            }
          } else {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)216.3999939)) {
              result[0] += -0.12500025;
            } else {
              result[0] += 0.27557084;
            }
          }
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)6.5)) {
          result[0] += 0.32731077;
        } else {
          result[0] += -0.027276618;
        }
      }
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)169.1000061)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)143.8999939)) {
          if ( (data[14].missing != -1) && (data[14].fvalue < (float)11)) {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)130.1000061)) {
              result[0] += -0.08718558;
            } else {
              result[0] += 0.4368134;
            }
          } else {
            if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.399999619)) {
              result[0] += -0.20293482;
            } else {
              result[0] += -0.032312363;
            }
          }
        } else {
          if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)266.1000061)) {
              result[0] += -0.24907911;
            } else {
              result[0] += 0.029810335;
            }
          } else {
            result[0] += 0.03328256;
          }
        }
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)210.3999939)) {
            if ( (data[12].missing != -1) && (data[12].fvalue < (float)117)) {
              result[0] += -0.036251757;
            } else {
              result[0] += 0.1302282;
            }
          } else {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)162.80000305)) {
              result[0] += -0.03192115;
            } else {
              result[0] += 0.18044177;
            }
          }
        } else {
          if ( (data[9].missing != -1) && (data[9].fvalue < (float)113)) {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)180.80000305)) {
              result[0] += 0.19869682;
            } else {
              result[0] += -0.14869833;
            }
          } else {
            if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
              result[0] += -0.09025524;
            } else {
              result[0] += 0.30429077;
            }
          }
        }
      }
    }
  } else {
    result[0] += 0.24926196;
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)8)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)116.59999847)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)78)) {
          result[0] += -0.04332551;
        } else {
          result[0] += -0.20988984;
        }
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)301.5)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)78.300003052)) {
            result[0] += -0.18325406;
          } else {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)113.19999695)) {
              result[0] += 0.2096036;
            } else {
              result[0] += -0.009061334;
            }
          }
        } else {
          result[0] += 0.21675248;
        }
      }
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)123)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)245)) {
            result[0] += -0.26195094;
          } else {
            result[0] += 0.016206913;
          }
        } else {
          result[0] += 0.016817525;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)207.19999695)) {
          result[0] += -0.005957838;
        } else {
          result[0] += 0.17271793;
        }
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.25977716;
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.100000381)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)85)) {
          if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
            result[0] += -0.03176988;
          } else {
            result[0] += 0.17756568;
          }
        } else {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)222.1000061)) {
            if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
              result[0] += -0.20154399;
            } else {
              result[0] += -0.02992094;
            }
          } else {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)245.3999939)) {
              result[0] += -0.11406038;
            } else {
              result[0] += 0.13165668;
            }
          }
        }
      } else {
        result[0] += 0.25033656;
      }
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)322.70001221)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)119)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)6.3000001907)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)260)) {
            result[0] += -0.24927424;
          } else {
            result[0] += -0.024696263;
          }
        } else {
          result[0] += 0.043571584;
        }
      } else {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)88)) {
          if ( (data[6].missing != -1) && (data[6].fvalue < (float)83)) {
            if ( (data[0].missing != -1) && (data[0].fvalue < (float)49)) {
              result[0] += 0.25042096;
            } else {
              result[0] += -0.07942043;
            }
          } else {
            if ( (data[13].missing != -1) && (data[13].fvalue < (float)9.1899995804)) {
              result[0] += 0.41163215;
            } else {
              result[0] += 0.050988067;
            }
          }
        } else {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)180.3999939)) {
            if ( (data[15].missing != -1) && (data[15].fvalue < (float)9)) {
              result[0] += -0.16059367;
            } else {
              result[0] += 0.1308545;
            }
          } else {
            if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
              result[0] += 0.048036855;
            } else {
              result[0] += -0.13849309;
            }
          }
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)216.6000061)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)208.80000305)) {
          if ( (data[14].missing != -1) && (data[14].fvalue < (float)6.3000001907)) {
            result[0] += 0.3480013;
          } else {
            if ( (data[13].missing != -1) && (data[13].fvalue < (float)8.0200004578)) {
              result[0] += 0.10140143;
            } else {
              result[0] += -0.14629127;
            }
          }
        } else {
          if ( (data[9].missing != -1) && (data[9].fvalue < (float)99)) {
            result[0] += 0.10648974;
          } else {
            result[0] += 0.49085358;
          }
        }
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)225.3999939)) {
          if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.399999619)) {
            result[0] += -0.2645528;
          } else {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)251.6000061)) {
              result[0] += 0.10331798;
            } else {
              result[0] += -0.18010405;
            }
          }
        } else {
          if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)169.1000061)) {
              result[0] += -0.111244954;
            } else {
              result[0] += 0.04351439;
            }
          } else {
            result[0] += 0.25144878;
          }
        }
      }
    }
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)103)) {
      result[0] += 0.016535139;
    } else {
      result[0] += 0.30256623;
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)116.59999847)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)78)) {
        result[0] += -0.04588052;
      } else {
        result[0] += -0.1902104;
      }
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)261.3999939)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)32)) {
          if ( (data[17].missing != -1) && (data[17].fvalue < (float)5)) {
            if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
              result[0] += -0.00058686786;
            } else {
              result[0] += -0.07575714;
            }
          } else {
            if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.8000001907)) {
              result[0] += 0.18495998;
            } else {
              result[0] += 9.601209e-05;
            }
          }
        } else {
          if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
            if ( (data[12].missing != -1) && (data[12].fvalue < (float)116)) {
              result[0] += -0.23217508;
            } else {
              result[0] += 0.082362786;
            }
          } else {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)174.1000061)) {
              result[0] += -0.0744138;
            } else {
              result[0] += 0.34958243;
            }
          }
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)200.8999939)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)283.20001221)) {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)219.30000305)) {
              result[0] += -0.1680868;
            } else {
              result[0] += 0.044438742;
            }
          } else {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)164.1000061)) {
              result[0] += -0.0062053413;
            } else {
              result[0] += 0.13798304;
            }
          }
        } else {
          if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
            result[0] += 0.22855315;
          } else {
            result[0] += 0.06061368;
          }
        }
      }
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.899999619)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
        result[0] += 0.19736324;
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)8)) {
          if ( (data[17].missing != -1) && (data[17].fvalue < (float)3)) {
            result[0] += -0.17429665;
          } else {
            result[0] += -0.0057473723;
          }
        } else {
          result[0] += 0.09317875;
        }
      }
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.100000381)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.199999809)) {
          result[0] += 0.23563409;
        } else {
          if ( (data[15].missing != -1) && (data[15].fvalue < (float)4)) {
            result[0] += 0.08420508;
          } else {
            result[0] += -0.08326541;
          }
        }
      } else {
        result[0] += 0.23737793;
      }
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)8)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)233.69999695)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)27)) {
          if ( (data[0].missing != -1) && (data[0].fvalue < (float)119)) {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)204.80000305)) {
              result[0] += -0.041755527;
            } else {
              result[0] += -0.16447902;
            }
          } else {
            if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
              result[0] += 0.055538036;
            } else {
              result[0] += -0.20806715;
            }
          }
        } else {
          if ( (data[1].missing != -1) && (data[1].fvalue < (float)415)) {
            if ( (data[12].missing != -1) && (data[12].fvalue < (float)104)) {
              result[0] += 0.050140284;
            } else {
              result[0] += 0.458214;
            }
          } else {
            if ( (data[9].missing != -1) && (data[9].fvalue < (float)90)) {
              result[0] += -0.19089127;
            } else {
              result[0] += 0.0719515;
            }
          }
        }
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)1)) {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)176.5)) {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)154.6000061)) {
              result[0] += 0.13182452;
            } else {
              result[0] += -0.15760042;
            }
          } else {
            if ( (data[5].missing != -1) && (data[5].fvalue < (float)170.19999695)) {
              result[0] += -0.041613266;
            } else {
              result[0] += 0.27829826;
            }
          }
        } else {
          if ( (data[9].missing != -1) && (data[9].fvalue < (float)125)) {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)172.69999695)) {
              result[0] += -0.003092212;
            } else {
              result[0] += -0.25915316;
            }
          } else {
            result[0] += 0.12141813;
          }
        }
      }
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)123)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)4)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)240.80000305)) {
            result[0] += -0.24183393;
          } else {
            result[0] += -0.010294165;
          }
        } else {
          result[0] += -2.1739306e-05;
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)200.8999939)) {
          result[0] += 0.1648836;
        } else {
          result[0] += -0.035798237;
        }
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.22917038;
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.100000381)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)96)) {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)211.6000061)) {
            if ( (data[12].missing != -1) && (data[12].fvalue < (float)78)) {
              result[0] += 0.040228415;
            } else {
              result[0] += 0.19995156;
            }
          } else {
            result[0] += -0.08545917;
          }
        } else {
          if ( (data[6].missing != -1) && (data[6].fvalue < (float)82)) {
            result[0] += 0.05191802;
          } else {
            if ( (data[0].missing != -1) && (data[0].fvalue < (float)119)) {
              result[0] += -0.18992434;
            } else {
              result[0] += -0.049527567;
            }
          }
        }
      } else {
        result[0] += 0.2123653;
      }
    }
  }
  if ( (data[8].missing != -1) && (data[8].fvalue < (float)322.70001221)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)283.29998779)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)136)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)125)) {
          if ( (data[12].missing != -1) && (data[12].fvalue < (float)120)) {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)216.6000061)) {
              result[0] += 0.045699663;
            } else {
              result[0] += -0.042052932;
            }
          } else {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)226.6000061)) {
              result[0] += -0.21558976;
            } else {
              result[0] += 0.07859914;
            }
          }
        } else {
          if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.399999619)) {
            if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.8000001907)) {
              result[0] += -0.049629413;
            } else {
              result[0] += 0.4523647;
            }
          } else {
            if ( (data[14].missing != -1) && (data[14].fvalue < (float)12.699999809)) {
              result[0] += -0.18129644;
            } else {
              result[0] += 0.11615529;
            }
          }
        }
      } else {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)107)) {
          result[0] += -0.21313873;
        } else {
          result[0] += 0.050808925;
        }
      }
    } else {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)215.8999939)) {
        result[0] += -0.21501046;
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)301.70001221)) {
          result[0] += -0.073878184;
        } else {
          result[0] += 0.1731669;
        }
      }
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)212.80000305)) {
      result[0] += 0.02019608;
    } else {
      result[0] += 0.242157;
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)164)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)94)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)139.3999939)) {
          result[0] += 0.04353075;
        } else {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)278)) {
            result[0] += -0.23548232;
          } else {
            result[0] += 0.0072756787;
          }
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)115)) {
          if ( (data[13].missing != -1) && (data[13].fvalue < (float)6.8499999046)) {
            if ( (data[11].missing != -1) && (data[11].fvalue < (float)116.59999847)) {
              result[0] += -0.07768619;
            } else {
              result[0] += 0.20726137;
            }
          } else {
            if ( (data[8].missing != -1) && (data[8].fvalue < (float)211.30000305)) {
              result[0] += -0.024568336;
            } else {
              result[0] += -0.14231566;
            }
          }
        } else {
          if ( (data[4].missing != -1) && (data[4].fvalue < (float)28)) {
            result[0] += -0.16955727;
          } else {
            result[0] += 0.061731916;
          }
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)178.30000305)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)175.3999939)) {
          if ( (data[5].missing != -1) && (data[5].fvalue < (float)149.69999695)) {
            if ( (data[17].missing != -1) && (data[17].fvalue < (float)2)) {
              result[0] += -0.18520838;
            } else {
              result[0] += 0.16397533;
            }
          } else {
            if ( (data[14].missing != -1) && (data[14].fvalue < (float)11.399999619)) {
              result[0] += 0.16426732;
            } else {
              result[0] += 0.6094404;
            }
          }
        } else {
          if ( (data[17].missing != -1) && (data[17].fvalue < (float)1)) {
            result[0] += 0.14308247;
          } else {
            if ( (data[6].missing != -1) && (data[6].fvalue < (float)123)) {
              result[0] += -0.17896765;
            } else {
              result[0] += 0.00950045;
            }
          }
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)130)) {
          if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.5)) {
            if ( (data[14].missing != -1) && (data[14].fvalue < (float)7.9000000954)) {
              result[0] += -0.024689114;
            } else {
              result[0] += 0.14738949;
            }
          } else {
            if ( (data[14].missing != -1) && (data[14].fvalue < (float)10.100000381)) {
              result[0] += -0.1974563;
            } else {
              result[0] += 0.003558884;
            }
          }
        } else {
          if ( (data[15].missing != -1) && (data[15].fvalue < (float)6)) {
            result[0] += -0.21533895;
          } else {
            result[0] += -0.015480454;
          }
        }
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3)) {
      result[0] += 0.21372364;
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)13.100000381)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)85)) {
          if ( (data[14].missing != -1) && (data[14].fvalue < (float)9.5)) {
            result[0] += -0.022444183;
          } else {
            result[0] += 0.14139812;
          }
        } else {
          if ( (data[8].missing != -1) && (data[8].fvalue < (float)245.3999939)) {
            if ( (data[1].missing != -1) && (data[1].fvalue < (float)510)) {
              result[0] += -0.15975039;
            } else {
              result[0] += 0.00293707;
            }
          } else {
            result[0] += 0.025778135;
          }
        }
      } else {
        result[0] += 0.19453166;
      }
    }
  }
  
  // Apply base_scores
  result[0] += -1.775057607379090685;
  
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

