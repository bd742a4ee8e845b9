/** MAHPPO: the multi-agent hybrid PPO scheduler (Hao et al., IEEE TMC 2023). */
package io.coinfer.mahppo;
